import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, upload } from '../api/client.ts';
import type { Engagement } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Status, useLoad, useUnmountSignal } from '../shell/async.tsx';
import { EngagementNav } from '../shell/engagement-nav.tsx';
import { FileDrop } from '../shell/file-drop.tsx';
import { FileList, ProblemText } from './file-list.tsx';
import {
  addFiles,
  detectionProblem,
  fileNamed,
  problemOf,
  readDetection,
  readImportResult,
  readImportStart,
  readyToImport,
  updateEntry,
  type Entry,
  type ImportedFile,
  type ImportRecord,
  type Problem,
} from './import-files.ts';
import { ImportHistory, ImportSummary } from './import-results.tsx';
import './imports.css';
import { pollJob, progressOf, type JobState } from './poll-job.ts';
import { sendFiles } from './send-files.tsx';

type Run =
  | { readonly phase: 'idle' }
  | { readonly phase: 'uploading'; readonly percent: number }
  | { readonly phase: 'importing'; readonly percent: number }
  | { readonly phase: 'done'; readonly files: readonly ImportedFile[] }
  | { readonly phase: 'failed'; readonly problem: Problem; readonly file: string | undefined };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Engagement → Findings → Import: choose tool outputs, see what each is, import them all or none, follow the job. */
export function ImportPage() {
  const { t } = useI18n();
  const { organisationId = '', engagementId = '' } = useParams();
  const base = `/api/organisations/${organisationId}/engagements/${engagementId}`;
  const findingsPath = `/o/${organisationId}/engagements/${engagementId}/findings`;
  const [engagement, reloadEngagement] = useLoad(
    (signal) => api<Engagement>('GET', base, { signal }),
    [base],
  );
  const [history, reloadHistory] = useLoad(
    (signal) => api<readonly ImportRecord[]>('GET', `${base}/imports`, { signal }),
    [base],
  );
  const [entries, setEntries] = useState<readonly Entry<File>[]>([]);
  const [duplicates, setDuplicates] = useState<readonly string[]>([]);
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const progressLabel = useId();
  // Leaving the page stops the polling (the job itself goes on; its result shows in the history).
  const unmountSignal = useUnmountSignal();

  const busy = run.phase === 'uploading' || run.phase === 'importing';

  async function detect(entry: Entry<File>) {
    const change = (c: Partial<Omit<Entry<File>, 'name' | 'file' | 'size'>>) =>
      setEntries((list) => updateEntry(list, entry.file, c));
    try {
      const body = await upload<unknown>(`${base}/imports/detect`, entry.file, entry.name);
      const detection = readDetection(body, entry.name);
      change({ checking: false, detection, problem: detectionProblem(detection) });
    } catch (error) {
      // A server from before the detect route: the import itself still checks every file.
      if (error instanceof ApiError && error.status === 404 && error.code === 'route.not_found')
        change({ checking: false });
      else
        change({
          checking: false,
          problem: error instanceof ApiError ? problemOf(error) : { kind: 'other', message: message(error) },
        });
    }
  }

  async function detectAll(added: readonly Entry<File>[]) {
    // Two at a time: quick for a handful of files without queueing fifty uploads at once.
    const queue = [...added];
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await detect(next);
    };
    await Promise.all([worker(), worker()]);
  }

  function choose(files: readonly File[]) {
    if (files.length === 0 || busy) return;
    const result = addFiles(entries, files);
    const added = result.entries.slice(entries.length);
    setEntries(result.entries);
    setDuplicates(result.duplicates);
    if (run.phase === 'done' || run.phase === 'failed') setRun({ phase: 'idle' });
    void detectAll(added);
  }

  async function startImport() {
    const signal = unmountSignal();
    const names = entries.map((e) => e.name);
    setRun({ phase: 'uploading', percent: 0 });
    try {
      const sent = await sendFiles(
        `${base}/imports`,
        entries,
        (fraction) => setRun({ phase: 'uploading', percent: Math.round(fraction * 100) }),
        signal,
      );
      const start = readImportStart(sent.status, sent.body);
      let files: readonly ImportedFile[];
      if (start.kind === 'job') {
        setRun({ phase: 'importing', percent: 0 });
        const job = await pollJob(
          (s) =>
            api<JobState>('GET', `/api/organisations/${organisationId}/jobs/${start.jobId}`, { signal: s }),
          { signal, onUpdate: (j) => setRun({ phase: 'importing', percent: progressOf(j) }) },
        );
        if (job.status === 'failed') throw new Error(job.error ?? t('imports.failed.unknown'));
        files = readImportResult(job.result);
      } else files = start.files;
      setRun({ phase: 'done', files });
      setEntries([]);
      reloadHistory();
    } catch (error) {
      if (signal.aborted) return;
      const problem: Problem =
        error instanceof ApiError ? problemOf(error) : { kind: 'other', message: message(error) };
      // A 413 is about the whole upload; with a single file, that file is the one too large.
      const file =
        fileNamed(problem.message, names) ??
        (problem.kind === 'too-large' && names.length === 1 ? names[0] : undefined);
      if (file !== undefined)
        setEntries((list) => list.map((e) => (e.name === file ? { ...e, problem } : e)));
      setRun({ phase: 'failed', problem, file });
    }
  }

  if (engagement.kind !== 'ok') return <Status state={engagement} onRetry={reloadEngagement} />;
  const canImport = engagement.value.permissions.includes('finding.import');
  const percent = run.phase === 'uploading' || run.phase === 'importing' ? run.percent : 0;
  return (
    <div className="imports">
      <EngagementNav engagement={engagement.value} />
      <div className="page-head">
        <h2>{t('imports.title')}</h2>
        <Link to={findingsPath}>{t('imports.backToFindings')}</Link>
      </div>
      {!canImport ? (
        <p className="info">{t('imports.notAllowed')}</p>
      ) : (
        <section className="card" aria-labelledby="import-choose-title">
          <h3 id="import-choose-title">{t('imports.choose.title')}</h3>
          <p className="muted">{t('imports.intro')}</p>
          <FileDrop
            className="import-drop"
            chooseLabel={t('imports.choose')}
            disabled={busy}
            onFiles={choose}
          >
            <p>{t('imports.drop')}</p>
          </FileDrop>
          {duplicates.length > 0 && (
            <p className="error" role="alert">
              {t('imports.duplicates', { names: duplicates.join(', ') })}
            </p>
          )}
          {entries.length > 0 && (
            <FileList
              entries={entries}
              disabled={busy}
              onRemove={(entry) => {
                setEntries((list) => list.filter((e) => e.file !== entry.file));
                if (run.phase === 'failed') setRun({ phase: 'idle' });
              }}
            />
          )}
          {entries.some((e) => e.problem !== undefined) && !busy && (
            <p className="muted import-blocked">{t('imports.blocked')}</p>
          )}
          {entries.length > 0 && (
            <div className="actions import-actions">
              <button
                type="button"
                disabled={busy}
                onClick={() => {
                  setEntries([]);
                  setRun({ phase: 'idle' });
                }}
              >
                {t('imports.clear')}
              </button>
              <button
                type="button"
                className="primary"
                disabled={busy || !readyToImport(entries)}
                onClick={() => void startImport()}
              >
                {t('imports.start', { n: entries.length })}
              </button>
            </div>
          )}
          {busy && (
            <div className="import-progress">
              <span id={progressLabel} role="status">
                {t(run.phase === 'uploading' ? 'imports.uploading' : 'imports.importing')}
              </span>
              <progress aria-labelledby={progressLabel} max={100} value={percent}>
                {percent} %
              </progress>
              <span className="muted" aria-hidden="true">
                {percent} %
              </span>
            </div>
          )}
          {run.phase === 'failed' && (
            <div className="error" role="alert">
              <p>
                {run.file === undefined ? (
                  <>
                    {t('imports.failed')} <ProblemText problem={run.problem} name="" />
                  </>
                ) : (
                  // The problem itself is shown on the file's row.
                  t('imports.failedFile', { name: run.file })
                )}
              </p>
              <p>{t('imports.failed.nothingStored')}</p>
            </div>
          )}
        </section>
      )}
      {run.phase === 'done' && <ImportSummary files={run.files} findingsPath={findingsPath} />}
      <ImportHistory history={history} findingsPath={findingsPath} onRetry={reloadHistory} />
    </div>
  );
}
