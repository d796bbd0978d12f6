import { useParams } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { Status } from '../shell/async.tsx';
import { EngagementNav } from '../shell/engagement-nav.tsx';
import { nextDeadline } from './incident-deadlines.ts';
import { useRegister, type Incident } from './use-register.ts';

function Countdown({ incident, memberState }: { readonly incident: Incident; readonly memberState: string }) {
  const { t, dateTime } = useI18n();
  const next = nextDeadline(incident, memberState, new Date());
  if (next === undefined) return <span className="muted">{t('incidents.noReport')}</span>;
  const hours = Math.round(Math.abs(next.remainingMs) / 3_600_000);
  return (
    <span className={next.remainingMs < 0 ? 'error' : undefined}>
      {t(`incidents.report.${next.report}`)}: {dateTime(next.due.toISOString())} —{' '}
      {next.remainingMs < 0 ? t('incidents.overdue', { hours }) : t('incidents.dueIn', { hours })}
    </span>
  );
}

/** The ICT incident register: when, status, and the DORA classification the server recorded. */
export function IncidentsPage() {
  const { t, date } = useI18n();
  const { organisationId = '', engagementId = '' } = useParams();
  const incidents = useRegister<Incident>(organisationId, engagementId, 'incidents');
  if (incidents.kind !== 'ok')
    return <Status state={incidents.kind === 'error' ? incidents : { kind: 'loading' }} />;
  return (
    <div>
      <EngagementNav engagement={incidents.engagement} />
      <h2>{t('incidents.title')}</h2>
      {incidents.items.length === 0 ? (
        <p className="muted">{t('incidents.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('incidents.incident')}</th>
              <th scope="col">{t('incidents.occurred')}</th>
              <th scope="col">{t('incidents.status')}</th>
              <th scope="col">{t('incidents.major')}</th>
              <th scope="col">{t('incidents.classification')}</th>
              <th scope="col">{t('incidents.nextReport')}</th>
            </tr>
          </thead>
          <tbody>
            {incidents.items.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.title}</th>
                <td>{date(i.occurredAt)}</td>
                <td>{i.status}</td>
                <td>
                  {i.classification.major === true
                    ? t('incidents.majorYes')
                    : i.classification.major === false
                      ? t('incidents.majorNo')
                      : '–'}
                </td>
                <td>
                  <code>
                    {Object.entries(i.classification)
                      .filter(([k]) => k !== 'major')
                      .map(([k, v]) => `${k}: ${String(v)}`)
                      .join(' · ')}
                  </code>
                </td>
                <td>
                  <Countdown incident={i} memberState={incidents.engagement.profile.memberState} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
