import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import type { Engagement } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import { EngagementNav } from '../shell/engagement-nav.tsx';
import { nextDeadline } from './incident-deadlines.ts';
import { IncidentEditor } from './incident-editor.tsx';
import { Classification, Countdown, ReportStatuses } from './incident-parts.tsx';
import type { IncidentView } from './types.ts';
import { engagementPath, loadAll } from './use-register.ts';
import { useNow } from './use-now.ts';
import './registers.css';

/** The ICT incident register: DORA classification, the next report owed with a live countdown, create and edit. */
export function IncidentsPage() {
  const { t, date, number } = useI18n();
  const { organisationId = '', engagementId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const base = engagementPath(organisationId, engagementId);
  const now = useNow(1000);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [engagement] = useLoad((signal) => api<Engagement>('GET', base, { signal }), [base]);
  const [incidents, reload] = useLoad((signal) => loadAll<IncidentView>(`${base}/incidents`, signal), [base]);
  const editingId = params.get('incident');
  const setEditing = (id: string | undefined) => {
    const next = new URLSearchParams(params);
    if (id === undefined) next.delete('incident');
    else next.set('incident', id);
    setParams(next);
  };
  if (engagement.kind !== 'ok') return <Status state={engagement} />;
  if (incidents.kind !== 'ok') return <Status state={incidents} onRetry={reload} />;
  const canManage = engagement.value.permissions.includes('incident.manage');
  const editing = canManage ? incidents.value.find((i) => i.id === editingId) : undefined;
  const overdue = incidents.value.filter((i) => (nextDeadline(i, now)?.remainingMs ?? 0) < 0).length;
  const close = () => {
    setCreating(false);
    setEditing(undefined);
  };
  return (
    <div>
      <EngagementNav engagement={engagement.value} />
      <div className="page-head">
        <h2>{t('incidents.title')}</h2>
        {canManage && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('incident.new')}
          </button>
        )}
      </div>
      {notice !== undefined && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {overdue > 0 && (
        <p className="alert-box" role="note">
          {t('incident.overdueCount', { n: number(overdue) })}
        </p>
      )}
      {incidents.value.length === 0 ? (
        <p className="muted">{t('incidents.empty')}</p>
      ) : (
        <table className="table incidents-table">
          <caption className="sr-only">{t('incidents.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('incidents.incident')}</th>
              <th scope="col">{t('incidents.occurred')}</th>
              <th scope="col">{t('incidents.major')}</th>
              <th scope="col">{t('incidents.nextReport')}</th>
              <th scope="col">{t('incident.reports')}</th>
              {canManage && <th scope="col">{t('registers.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {incidents.value.map((i) => {
              const late = (nextDeadline(i, now)?.remainingMs ?? 0) < 0;
              return (
                <tr
                  key={i.id}
                  className={late ? 'overdue-row' : i.id === editingId ? 'selected-row' : undefined}
                >
                  <th scope="row">
                    {i.title}
                    <div>
                      <span className="badge">
                        {t(i.status === 'closed' ? 'incident.status.closed' : 'incident.status.open')}
                      </span>
                    </div>
                  </th>
                  <td>{date(i.occurredAt)}</td>
                  <td>
                    <Classification classification={i.classification} />
                  </td>
                  <td>
                    <Countdown incident={i} now={now} />
                    {i.deadlines !== null && (
                      <div className="small muted">{t('incident.timeZone', { zone: i.timeZone })}</div>
                    )}
                  </td>
                  <td>
                    <ReportStatuses incident={i} />
                  </td>
                  {canManage && (
                    <td>
                      <button
                        type="button"
                        onClick={() => setEditing(i.id)}
                        aria-label={t('incident.editNamed', { title: i.title })}
                      >
                        {t('registers.edit')}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {(creating || editing !== undefined) && (
        <IncidentEditor
          key={editing?.id ?? 'new'}
          engagement={engagement.value}
          incident={creating ? undefined : editing}
          onClose={close}
          onSaved={(saved) => {
            setNotice(t('incident.saved', { title: saved.title }));
            close();
            reload();
          }}
        />
      )}
    </div>
  );
}
