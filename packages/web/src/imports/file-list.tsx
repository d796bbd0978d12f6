import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { TableHead } from '../shell/table-head.tsx';
import { withoutFileName, type Entry, type Problem } from './import-files.ts';

/** Bytes as B, KiB or MiB in the interface language. */
export function formatBytes(n: number, number: (n: number, digits?: number) => string): string {
  if (n < 1024) return `${number(n)} B`;
  if (n < 1024 * 1024) return `${number(n / 1024, 1)} KiB`;
  return `${number(n / 1024 / 1024, 1)} MiB`;
}

const PROBLEM_KEYS: Readonly<Record<Problem['kind'], MessageKey>> = {
  'unknown-format': 'imports.problem.unknownFormat',
  malformed: 'imports.problem.malformed',
  'too-large': 'imports.problem.tooLarge',
  empty: 'imports.problem.empty',
  'unsafe-xml': 'imports.problem.unsafeXml',
  unsupported: 'imports.problem.unsupported',
  other: 'imports.problem.other',
};

/** What the page says about one problem: its kind in words, then the server's precise message. */
export function ProblemText({ problem, name }: { readonly problem: Problem; readonly name: string }) {
  const { t } = useI18n();
  return (
    <>
      <strong>{t(PROBLEM_KEYS[problem.kind])}</strong> {withoutFileName(problem.message, name)}
    </>
  );
}

/** The chosen files, each with what the server recognised in it (format, tool, counts) or why it cannot go in. */
export function FileList({
  entries,
  disabled,
  onRemove,
}: {
  readonly entries: readonly Entry<File>[];
  readonly disabled: boolean;
  readonly onRemove: (entry: Entry<File>) => void;
}) {
  const { t, number } = useI18n();
  return (
    <table className="table import-files">
      <caption className="sr-only">{t('imports.files.caption')}</caption>
      <TableHead
        columns={[
          'imports.file',
          'imports.format',
          'imports.tool',
          { label: 'imports.findings', num: true },
          { label: 'imports.assets', num: true },
          'imports.state',
          { label: 'imports.remove.column', hidden: true },
        ]}
      />
      <tbody>
        {entries.map((entry) => {
          const d = entry.detection;
          // A file the dry run could not read has no format: its counts mean nothing either.
          const recognised = d !== undefined && d.format !== '' ? d : undefined;
          return (
            <tr key={entry.name} className={entry.problem === undefined ? undefined : 'has-problem'}>
              <th scope="row">
                {entry.name}
                <div className="muted small">{formatBytes(entry.size, number)}</div>
              </th>
              <td>{recognised === undefined ? '–' : <code>{recognised.format}</code>}</td>
              <td>{recognised?.tool ?? '–'}</td>
              <td className="num">{recognised === undefined ? '–' : number(recognised.findings)}</td>
              <td className="num">{recognised === undefined ? '–' : number(recognised.assets)}</td>
              <td>
                {entry.checking ? (
                  <span className="muted">{t('imports.checking')}</span>
                ) : entry.problem !== undefined ? (
                  <span className="error">
                    <ProblemText problem={entry.problem} name={entry.name} />
                  </span>
                ) : d === undefined ? (
                  <span className="muted">{t('imports.notDetected')}</span>
                ) : (
                  <span className="notice">{t('imports.ready')}</span>
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  disabled={disabled}
                  onClick={() => onRemove(entry)}
                  aria-label={t('imports.remove', { name: entry.name })}
                >
                  {t('imports.remove.short')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
