import type { Manifest } from '@mica-audit/report';
import { useId, useState, type Ref } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { formatBytes } from '../imports/file-list.tsx';
import { FileDrop } from '../shell/file-drop.tsx';
import { TableHead } from '../shell/table-head.tsx';
import { hex, MANIFEST_NAME, parseManifest, verifyFiles, type FileState, type GivenFile } from './verify.ts';

/** The manifest to check against, and where it came from (a picked file, or an issued report). */
export interface ManifestSource {
  readonly manifest: Manifest;
  readonly source: string;
}

const STATE_KEYS: Readonly<Record<FileState, MessageKey>> = {
  intact: 'reports.verify.state.intact',
  altered: 'reports.verify.state.altered',
  missing: 'reports.verify.state.missing',
  extra: 'reports.verify.state.extra',
};

async function sha256(file: Blob): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
}

/**
 * Verify a delivery: a manifest.json and the delivered files, hashed in the browser with WebCrypto (nothing is
 * uploaded), each listed as intact, altered, missing or not in the manifest.
 */
export function VerifyPanel({
  manifest,
  onManifest,
  ref,
}: {
  readonly manifest: ManifestSource | undefined;
  readonly onManifest: (manifest: ManifestSource | undefined) => void;
  readonly ref?: Ref<HTMLElement>;
}) {
  const { t, number } = useI18n();
  const [given, setGiven] = useState<readonly GivenFile[]>([]);
  const [hashing, setHashing] = useState(0);
  const [problem, setProblem] = useState<string | undefined>();
  const manifestInput = useId();

  async function readManifestFile(file: File) {
    try {
      onManifest({ manifest: parseManifest(await file.text()), source: file.name });
      setProblem(undefined);
    } catch (error) {
      setProblem(
        t('reports.verify.manifestInvalid', {
          name: file.name,
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  }

  async function addFiles(files: readonly File[]) {
    // A manifest.json among the dropped files is the manifest of the delivery, not a delivered file.
    const manifestFile = files.find((f) => f.name === MANIFEST_NAME);
    if (manifestFile !== undefined) await readManifestFile(manifestFile);
    const delivered = files.filter((f) => f !== manifestFile);
    setHashing((n) => n + delivered.length);
    for (const file of delivered) {
      try {
        const hashed: GivenFile = { name: file.name, size: file.size, sha256: await sha256(file) };
        setGiven((list) => [...list.filter((g) => g.name !== file.name), hashed]);
      } catch (error) {
        setProblem(
          t('reports.verify.unreadable', {
            name: file.name,
            message: error instanceof Error ? error.message : String(error),
          }),
        );
      } finally {
        setHashing((n) => n - 1);
      }
    }
  }

  const result = manifest === undefined ? undefined : verifyFiles(manifest.manifest, given);
  const problems =
    result === undefined ? 0 : result.altered.length + result.missing.length + result.extra.length;
  return (
    <section ref={ref} tabIndex={-1} className="card verify" aria-labelledby="verify-title">
      <h3 id="verify-title">{t('reports.verify.title')}</h3>
      <p className="muted">{t('reports.verify.intro')}</p>
      <div className="verify-inputs">
        <div className="field">
          <span>{t('reports.verify.manifest')}</span>
          {manifest === undefined ? (
            <p className="muted">{t('reports.verify.noManifest')}</p>
          ) : (
            <p>
              {t('reports.verify.manifestFrom', {
                source: manifest.source,
                n: manifest.manifest.files.length,
              })}
            </p>
          )}
          <label htmlFor={manifestInput} className="button">
            {t('reports.verify.chooseManifest')}
          </label>
          <input
            id={manifestInput}
            type="file"
            accept=".json,application/json"
            className="visually-hidden-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file !== undefined) void readManifestFile(file);
            }}
          />
        </div>
        <FileDrop
          className="verify-drop"
          chooseLabel={t('reports.verify.chooseFiles')}
          onFiles={(files) => void addFiles(files)}
        >
          <p>{t('reports.verify.drop')}</p>
        </FileDrop>
      </div>
      {problem !== undefined && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div role="status" className="verify-status">
        {hashing > 0 ? (
          <p className="muted">{t('reports.verify.hashing', { n: hashing })}</p>
        ) : result === undefined ? null : given.length === 0 ? (
          <p className="muted">{t('reports.verify.waitingFiles')}</p>
        ) : result.ok ? (
          <p className="notice verify-verdict">
            {t('reports.verify.ok', { n: result.checked, head: result.auditLogHead.slice(0, 16) })}
          </p>
        ) : (
          <p className="error verify-verdict">
            {t('reports.verify.problems', {
              n: problems,
              altered: result.altered.length,
              missing: result.missing.length,
              extra: result.extra.length,
            })}
          </p>
        )}
      </div>
      {result !== undefined && given.length > 0 && (
        <table className="table compact verify-table">
          <caption className="sr-only">{t('reports.verify.caption')}</caption>
          <TableHead
            columns={[
              'reports.files.file',
              'reports.verify.result',
              'reports.verify.expected',
              'reports.verify.computed',
            ]}
          />
          <tbody>
            {result.files.map((f) => (
              <tr key={`${f.state}:${f.file}`}>
                <th scope="row">{f.file}</th>
                <td>
                  <span className={`file-state file-state-${f.state}`}>{t(STATE_KEYS[f.state])}</span>
                </td>
                <td>
                  {f.expected === undefined ? (
                    '–'
                  ) : (
                    <>
                      <code className="hash">{f.expected.sha256}</code>
                      <div className="muted small">{formatBytes(f.expected.size, number)}</div>
                    </>
                  )}
                </td>
                <td>
                  {f.actual === undefined ? (
                    '–'
                  ) : (
                    <>
                      <code className="hash">{f.actual.sha256}</code>
                      <div className="muted small">{formatBytes(f.actual.size, number)}</div>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(manifest !== undefined || given.length > 0) && (
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setGiven([]);
              setProblem(undefined);
              onManifest(undefined);
            }}
          >
            {t('reports.verify.clear')}
          </button>
        </div>
      )}
    </section>
  );
}
