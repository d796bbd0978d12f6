import type { ReportFormat } from '@mica-audit/report';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { pollJob, progressOf, type JobState } from '../imports/poll-job.ts';
import { useUnmountSignal } from '../shell/async.tsx';
import { issuedReportId, REPORT_FORMATS, toggleFormat } from './report-files.ts';

type Run =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly percent: number; readonly queued: boolean }
  | { readonly phase: 'failed'; readonly message: string };

/** Issue a report: the formats and language, then the rendering job's progress until the report is listed. */
export function IssueForm({
  organisationId,
  reportsUrl,
  onIssued,
}: {
  readonly organisationId: string;
  readonly reportsUrl: string;
  readonly onIssued: (reportId: string) => void;
}) {
  const { t, lang: uiLang } = useI18n();
  const [formats, setFormats] = useState<readonly ReportFormat[]>(['pdf']);
  const [lang, setLang] = useState<'en' | 'fr'>(uiLang);
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const progressLabel = useId();
  const unmountSignal = useUnmountSignal();

  async function issue(event: FormEvent) {
    event.preventDefault();
    if (formats.length === 0) return;
    const signal = unmountSignal();
    setRun({ phase: 'running', percent: 0, queued: true });
    try {
      const { jobId } = await api<{ jobId: string }>('POST', reportsUrl, {
        body: { formats, lang },
        signal,
      });
      const job = await pollJob(
        (s) => api<JobState>('GET', `/api/organisations/${organisationId}/jobs/${jobId}`, { signal: s }),
        {
          signal,
          onUpdate: (j) =>
            setRun({ phase: 'running', percent: progressOf(j), queued: j.status === 'queued' }),
        },
      );
      if (job.status === 'failed') throw new Error(job.error ?? t('reports.issue.failedUnknown'));
      setRun({ phase: 'idle' });
      onIssued(issuedReportId(job.result));
    } catch (error) {
      if (!signal.aborted)
        setRun({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  const running = run.phase === 'running';
  return (
    <form className="card issue-form" onSubmit={(e) => void issue(e)} aria-labelledby="issue-title">
      <h3 id="issue-title">{t('reports.issue.title')}</h3>
      <div className="issue-fields">
        <fieldset className="field">
          <legend>{t('reports.issue.formats')}</legend>
          {REPORT_FORMATS.map((format) => (
            <label key={format} className="choice">
              <input
                type="checkbox"
                checked={formats.includes(format)}
                disabled={running}
                onChange={(e) => setFormats(toggleFormat(formats, format, e.target.checked))}
              />
              <span>
                {t(`reports.format.${format}` as MessageKey)}
                <span className="muted small"> — {t(`reports.format.${format}.hint` as MessageKey)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('reports.issue.lang')}</legend>
          {(['en', 'fr'] as const).map((l) => (
            <label key={l} className="choice">
              <input
                type="radio"
                name="report-lang"
                value={l}
                checked={lang === l}
                disabled={running}
                onChange={() => setLang(l)}
              />
              <span lang={l}>{l === 'en' ? 'English' : 'Français'}</span>
            </label>
          ))}
        </fieldset>
      </div>
      {formats.length === 0 && <p className="error">{t('reports.issue.noFormat')}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={running || formats.length === 0}>
          {t('reports.issue.submit')}
        </button>
      </div>
      {running && (
        <div className="job-progress">
          <span id={progressLabel} role="status">
            {t(run.queued ? 'reports.issue.queued' : 'reports.issue.rendering')}
          </span>
          <progress aria-labelledby={progressLabel} max={100} value={run.percent}>
            {run.percent} %
          </progress>
          <span className="muted" aria-hidden="true">
            {run.percent} %
          </span>
        </div>
      )}
      {run.phase === 'failed' && (
        <p className="error" role="alert">
          {t('reports.issue.failed', { message: run.message })}
        </p>
      )}
    </form>
  );
}
