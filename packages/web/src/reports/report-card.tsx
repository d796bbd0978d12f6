import type { Manifest } from '@mica-audit/report';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { formatBytes } from '../imports/file-list.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import { manifestRows, pdfOf, reportFileUrl, type IssuedReport } from './report-files.ts';
import { parseManifest } from './verify.ts';

/** The files of an opened report, from its manifest: name, format, size, SHA-256, download. */
function ManifestFiles({
  report,
  reportsUrl,
  onVerify,
}: {
  readonly report: IssuedReport;
  readonly reportsUrl: string;
  readonly onVerify: (manifest: Manifest) => void;
}) {
  const { t, number, date } = useI18n();
  const manifestUrl = `${reportsUrl}/${encodeURIComponent(report.id)}/manifest`;
  // The served manifest goes through the same checks as a file the user picks: what is shown is what verifies.
  const [manifest, reload] = useLoad(
    async (signal) => parseManifest(JSON.stringify(await api<unknown>('GET', manifestUrl, { signal }))),
    [manifestUrl],
  );
  if (manifest.kind !== 'ok') return <Status state={manifest} onRetry={reload} />;
  const m = manifest.value;
  return (
    <>
      <dl className="figures manifest-head">
        <dt>{t('reports.manifest.issuedOn')}</dt>
        <dd>{date(m.issuedOn)}</dd>
        <dt>{t('reports.manifest.auditLogHead')}</dt>
        <dd>
          <code>{m.auditLogHead}</code>
        </dd>
      </dl>
      <table className="table compact report-files">
        <caption className="sr-only">{t('reports.files.caption', { version: report.reportVersion })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.files.file')}</th>
            <th scope="col">{t('reports.files.format')}</th>
            <th scope="col" className="num">
              {t('reports.files.size')}
            </th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {manifestRows(m, report.files).map((row) => (
            <tr key={row.file}>
              <th scope="row">
                <a
                  href={reportFileUrl(reportsUrl, report.id, row.file)}
                  download={row.file}
                  aria-label={t('reports.files.download', { name: row.file })}
                >
                  {row.file}
                </a>
              </th>
              <td>{row.format === undefined ? '–' : t(`reports.format.${row.format}` as MessageKey)}</td>
              <td className="num">{formatBytes(row.size, number)}</td>
              <td>
                <code className="hash">{row.sha256}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="inline-form report-actions">
        <a className="button" href={manifestUrl} download="manifest.json">
          {t('reports.manifest.download')}
        </a>
        <button type="button" onClick={() => onVerify(m)}>
          {t('reports.manifest.verify')}
        </button>
      </div>
    </>
  );
}

/** One issued report, folded except the newest: its manifest, downloads and the PDF preview. */
export function ReportCard({
  report,
  reportsUrl,
  initiallyOpen,
  onVerify,
}: {
  readonly report: IssuedReport;
  readonly reportsUrl: string;
  readonly initiallyOpen: boolean;
  readonly onVerify: (manifest: Manifest, report: IssuedReport) => void;
}) {
  const { t, dateTime } = useI18n();
  const [open, setOpen] = useState(initiallyOpen);
  const [preview, setPreview] = useState(false);
  const pdf = pdfOf(report);
  const previewId = `preview-${report.id}`;
  return (
    <details className="card report-card" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="report-title">{t('reports.version', { version: report.reportVersion })}</span>{' '}
        <span className="muted">
          {t('reports.summaryLine', {
            when: dateTime(report.createdAt),
            lang: t(report.lang === 'fr' ? 'reports.lang.fr' : 'reports.lang.en'),
            n: report.files.length,
          })}
        </span>
      </summary>
      {open && (
        <div className="report-body">
          <ManifestFiles report={report} reportsUrl={reportsUrl} onVerify={(m) => onVerify(m, report)} />
          {pdf !== undefined && (
            <>
              <button
                type="button"
                aria-expanded={preview}
                aria-controls={previewId}
                onClick={() => setPreview(!preview)}
              >
                {t(preview ? 'reports.preview.hide' : 'reports.preview.show')}
              </button>
              <div id={previewId}>
                {preview && (
                  <iframe
                    className="pdf-preview"
                    title={t('reports.preview.title', { name: pdf.file })}
                    src={reportFileUrl(reportsUrl, report.id, pdf.file, 'inline')}
                  />
                )}
              </div>
            </>
          )}
        </div>
      )}
    </details>
  );
}
