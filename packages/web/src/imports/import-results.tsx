import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import type { Loaded } from '../shell/async.tsx';
import { Status } from '../shell/async.tsx';
import { TableHead, type Column } from '../shell/table-head.tsx';
import { formatBytes } from './file-list.tsx';
import { totals, type ImportedFile, type ImportRecord } from './import-files.ts';

type Count = 'findings' | 'new' | 'updated' | 'fixed' | 'assets';

/** The counts shown for each file an import just did, and the shorter tally the history keeps of each import. */
const SUMMARY_COUNTS: readonly Count[] = ['findings', 'new', 'updated', 'fixed', 'assets'];
const HISTORY_COUNTS: readonly Count[] = ['findings', 'new', 'fixed'];

const countColumns = (counts: readonly Count[]): Column[] =>
  counts.map((count) => ({ label: `imports.${count}`, num: true }));

/** One right-aligned cell a count, in the order of its columns. */
function CountCells({
  counts,
  of,
}: {
  readonly counts: readonly Count[];
  readonly of: (count: Count) => number;
}) {
  const { number } = useI18n();
  return counts.map((count) => (
    <td key={count} className="num">
      {number(of(count))}
    </td>
  ));
}

/** The findings table of the engagement, filtered by the tool that produced an import. */
function findingsOf(findingsPath: string, tool: string): string {
  return `${findingsPath}?tool=${encodeURIComponent(tool)}`;
}

/** What the import just did: totals, then each file with its counts and a link to its findings. */
export function ImportSummary({
  files,
  findingsPath,
}: {
  readonly files: readonly ImportedFile[];
  readonly findingsPath: string;
}) {
  const { t, number } = useI18n();
  const sum = totals(files);
  return (
    <section className="card import-summary" aria-labelledby="import-summary-title">
      <h3 id="import-summary-title">{t('imports.summary.title')}</h3>
      <p role="status">
        {t('imports.summary.totals', {
          files: number(sum.files),
          findings: number(sum.findings),
          fresh: number(sum.new),
          updated: number(sum.updated),
          fixed: number(sum.fixed),
          assets: number(sum.assets),
        })}
      </p>
      <table className="table compact">
        <TableHead
          columns={[
            'imports.file',
            'imports.format',
            'imports.tool',
            ...countColumns(SUMMARY_COUNTS),
            'imports.see',
          ]}
        />
        <tbody>
          {files.map((f) => (
            <tr key={f.importId || f.file}>
              <th scope="row">{f.file}</th>
              <td>
                <code>{f.format}</code>
              </td>
              <td>{f.tool}</td>
              <CountCells counts={SUMMARY_COUNTS} of={(count) => f[count]} />
              <td>
                <Link to={findingsOf(findingsPath, f.tool)}>
                  {t('imports.seeFindings', { tool: f.tool })}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Every file imported into the engagement, newest first, with its hash: what was imported, when, from which tool. */
export function ImportHistory({
  history,
  findingsPath,
  onRetry,
}: {
  readonly history: Loaded<readonly ImportRecord[]>;
  readonly findingsPath: string;
  readonly onRetry: () => void;
}) {
  const { t, number, dateTime } = useI18n();
  return (
    <section aria-labelledby="import-history-title">
      <h3 id="import-history-title">{t('imports.history.title')}</h3>
      {history.kind !== 'ok' ? (
        <Status state={history} onRetry={onRetry} />
      ) : history.value.length === 0 ? (
        <p className="muted">{t('imports.history.empty')}</p>
      ) : (
        <table className="table compact">
          <TableHead
            columns={[
              'imports.history.when',
              'imports.file',
              'imports.tool',
              ...countColumns(HISTORY_COUNTS),
              'imports.sha256',
            ]}
          />
          <tbody>
            {history.value.map((r) => (
              <tr key={r.id}>
                <td>{dateTime(r.createdAt)}</td>
                <th scope="row">
                  {r.fileName}
                  <div className="muted small">
                    <code>{r.format}</code> · {formatBytes(r.size, number)}
                  </div>
                </th>
                <td>
                  <Link to={findingsOf(findingsPath, r.tool)}>
                    {r.tool}
                    {r.toolVersion === null ? '' : ` ${r.toolVersion}`}
                  </Link>
                </td>
                <CountCells counts={HISTORY_COUNTS} of={(count) => r.counts?.[count] ?? 0} />
                <td>
                  <code className="hash-short" title={r.sha256}>
                    {r.sha256.slice(0, 16)}…
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
