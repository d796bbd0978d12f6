import { useParams } from 'react-router';
import { api } from '../api/client.ts';
import type { Engagement } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import { TableHead } from '../shell/table-head.tsx';
import { nextDeadline } from './incident-deadlines.ts';
import { IncidentEditor } from './incident-editor.tsx';
import { Classification, Countdown, ReportStatuses } from './incident-parts.tsx';
import { RegisterHead, useRegisterEditor } from './register-page.tsx';
import type { IncidentView } from './types.ts';
import { engagementPath, loadAll } from './use-register.ts';
import { useNow } from './use-now.ts';
import './registers.css';

/** The ICT incident register: DORA classification, the next report owed with a live countdown, create and edit. */
export function IncidentsPage() {
  const { t, date, number } = useI18n();
  const { organisationId = '', engagementId = '' } = useParams();
  const base = engagementPath(organisationId, engagementId);
  const now = useNow(1000);
  const editor = useRegisterEditor('incident');
  const [engagement] = useLoad((signal) => api<Engagement>('GET', base, { signal }), [base]);
  const [incidents, reload] = useLoad((signal) => loadAll<IncidentView>(`${base}/incidents`, signal), [base]);
  if (engagement.kind !== 'ok') return <Status state={engagement} />;
  if (incidents.kind !== 'ok') return <Status state={incidents} onRetry={reload} />;
  const canManage = engagement.value.permissions.includes('incident.manage');
  const target = editor.target(incidents.value, canManage);
  const overdue = incidents.value.filter((i) => (nextDeadline(i, now)?.remainingMs ?? 0) < 0).length;
  return (
    <div>
      <RegisterHead
        engagement={engagement.value}
        title={t('incidents.title')}
        newLabel={t('incident.new')}
        onNew={canManage ? editor.create : undefined}
        notice={editor.notice}
      />
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
          <TableHead
            columns={[
              'incidents.incident',
              'incidents.occurred',
              'incidents.major',
              'incidents.nextReport',
              'incident.reports',
              canManage && 'registers.actions',
            ]}
          />
          <tbody>
            {incidents.value.map((i) => {
              const late = (nextDeadline(i, now)?.remainingMs ?? 0) < 0;
              return (
                <tr
                  key={i.id}
                  className={late ? 'overdue-row' : i.id === editor.editingId ? 'selected-row' : undefined}
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
                        onClick={() => editor.edit(i.id)}
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
      {target !== undefined && (
        <IncidentEditor
          key={target.key}
          engagement={engagement.value}
          incident={target.record}
          onClose={editor.close}
          onSaved={(saved) => {
            editor.saved(t('incident.saved', { title: saved.title }));
            reload();
          }}
        />
      )}
    </div>
  );
}
