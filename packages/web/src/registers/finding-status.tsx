import { useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { Member } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useLoad } from '../shell/async.tsx';
import { useFindingLabel } from './findings-filters.tsx';
import { ConflictDialog } from './modal.tsx';
import type { FindingView, StatusChange } from './types.ts';

const STATUSES = ['open', 'accepted', 'false-positive', 'fixed'] as const;

/** Changes a finding's status at the version on screen; a 409 shows their state beside the change tried. */
export function FindingStatusForm({
  path,
  finding,
  onSaved,
  onError,
}: {
  readonly path: string;
  readonly finding: FindingView;
  readonly onSaved: (finding: FindingView) => void;
  readonly onError: (message: string | undefined) => void;
}) {
  const { t } = useI18n();
  const label = useFindingLabel();
  const [status, setStatus] = useState(finding.status);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<FindingView>();
  const send = async (version: number) => {
    setBusy(true);
    onError(undefined);
    try {
      const body = { version, status, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) };
      onSaved(await api<FindingView>('PATCH', path, { body }));
      setReason('');
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setConflict(error.current as FindingView);
      else onError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="card status-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send(finding.version);
      }}
    >
      <h3>{t('findingsTable.changeStatus')}</h3>
      <div className="form-row">
        <label className="field">
          <span>{t('findings.status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {label('status', s)}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>{t('findingsTable.reason')}</span>
          <input value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        </label>
      </div>
      <button type="submit" className="primary" disabled={busy || status === finding.status}>
        {busy ? t('app.saving') : t('findingsTable.saveStatus')}
      </button>
      {conflict !== undefined && (
        <ConflictDialog
          title={t('findingsTable.conflictTitle')}
          body={t('registers.conflictBody', { version: conflict.version })}
          rows={[
            {
              label: t('findings.status'),
              theirs: label('status', conflict.status),
              mine: label('status', status),
            },
            {
              label: t('findingsTable.reason'),
              theirs: conflict.statusHistory.at(-1)?.reason ?? '–',
              mine: reason === '' ? '–' : reason,
            },
          ]}
          onReload={() => {
            setConflict(undefined);
            setStatus(conflict.status);
            onSaved(conflict);
          }}
          onOverwrite={() => {
            setConflict(undefined);
            void send(conflict.version);
          }}
        />
      )}
    </form>
  );
}

/** Every status the finding went through, newest first, with who changed it by hand and why. */
export function FindingHistory({
  organisationId,
  history,
}: {
  readonly organisationId: string;
  readonly history: readonly StatusChange[];
}) {
  const { t, dateTime } = useI18n();
  const label = useFindingLabel();
  const [members] = useLoad(
    (signal) => api<Member[]>('GET', `/api/organisations/${organisationId}/members`, { signal }),
    [organisationId],
  );
  const names = new Map((members.kind === 'ok' ? members.value : []).map((m) => [m.userId, m.name]));
  return (
    <section aria-labelledby="finding-history">
      <h3 id="finding-history">{t('findingsTable.history')}</h3>
      {history.length === 0 ? (
        <p className="muted">{t('findingsTable.noHistory')}</p>
      ) : (
        <ol className="history" reversed>
          {[...history].reverse().map((change, i) => (
            <li key={`${change.at}-${i}`}>
              <time dateTime={change.at}>{dateTime(change.at)}</time> — {label('status', change.status)}
              {change.actorId !== undefined && (
                <span className="muted">
                  {' '}
                  · {t('findingsTable.by', { name: names.get(change.actorId) ?? change.actorId })}
                </span>
              )}
              {change.reason !== undefined && <span className="prewrap"> · {change.reason}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
