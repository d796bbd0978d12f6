import type { IncidentClassification } from '@mica-audit/core';
import { useI18n } from '../i18n/i18n.tsx';
import { nextDeadline, splitDuration, type Duration } from './incident-deadlines.ts';
import type { IncidentReport, IncidentView } from './types.ts';

/** `2 d 3 h 04 min 05 s`, days left out when there are none. */
export function useDurationText() {
  const { t } = useI18n();
  return (d: Duration) =>
    d.days > 0
      ? t('incident.durationDays', {
          d: d.days,
          h: d.hours,
          m: String(d.minutes).padStart(2, '0'),
          s: String(d.seconds).padStart(2, '0'),
        })
      : t('incident.duration', {
          h: d.hours,
          m: String(d.minutes).padStart(2, '0'),
          s: String(d.seconds).padStart(2, '0'),
        });
}

/** The next DORA report owed, its due time and a countdown that runs with `now`; overdue in the error colour. */
export function Countdown({ incident, now }: { readonly incident: IncidentView; readonly now: Date }) {
  const { t, dateTime } = useI18n();
  const durationText = useDurationText();
  const next = nextDeadline(incident, now);
  if (next === undefined) {
    const waiting = incident.classification.major && incident.classifiedAt === null;
    return (
      <span className="muted">
        {waiting ? t('incident.awaitingClassification') : t('incidents.noReport')}
      </span>
    );
  }
  const late = next.remainingMs < 0;
  const time = durationText(splitDuration(next.remainingMs));
  return (
    <span className={late ? 'countdown overdue' : 'countdown'}>
      <strong>{t(`incidents.report.${next.report}`)}</strong>
      <br />
      <time dateTime={next.due.toISOString()}>{dateTime(next.due.toISOString())}</time>
      <br />
      <span className="countdown-time">
        {late ? t('incident.overdueBy', { time }) : t('incident.dueIn', { time })}
      </span>
    </span>
  );
}

/** Major or not, how many thresholds were met, and each criterion with its verdict and core's reasons. */
export function Classification({ classification }: { readonly classification: IncidentClassification }) {
  const { t } = useI18n();
  const met = classification.criteria.filter((c) => c.met === true);
  return (
    <div className="classification">
      <span className={classification.major ? 'badge badge-alert' : 'badge'}>
        {classification.major ? t('incidents.majorYes') : t('incidents.majorNo')}
      </span>
      {!classification.determined && <span className="badge badge-warn">{t('incident.undetermined')}</span>}
      <p className="small">
        {met.length === 0
          ? t('incident.noCriterionMet')
          : t('incident.criteriaMet', {
              list: met.map((c) => t(`incident.criterion.${c.criterion}`)).join(', '),
            })}
      </p>
      <details>
        <summary>{t('incident.criteria')}</summary>
        <ul className="criteria">
          {!classification.criticalServicesAffected && <li>{t('incident.gateNotMet')}</li>}
          {classification.criteria.map((c) => (
            <li key={c.criterion}>
              <strong>{t(`incident.criterion.${c.criterion}`)}</strong> ({c.source}):{' '}
              {c.met === true
                ? t('incident.met')
                : c.met === false
                  ? t('incident.notMet')
                  : t('incident.unknown')}
              <ul lang="en" className="small muted">
                {c.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

const REPORTS: readonly IncidentReport[] = ['initial', 'intermediate', 'final'];

/** The status of each of the three DORA reports. */
export function ReportStatuses({ incident }: { readonly incident: IncidentView }) {
  const { t } = useI18n();
  return (
    <ul className="plain small">
      {REPORTS.map((report) => {
        const status = incident.reports[report];
        return (
          <li key={report} className={status === 'overdue' || status === 'sent-late' ? 'error' : undefined}>
            {t(`incidents.report.${report}`)}: {t(`incident.reportStatus.${status}`)}
          </li>
        );
      })}
    </ul>
  );
}
