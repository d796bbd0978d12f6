import { api } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import { matrixRows, timelineLayout } from './plan.ts';
import type { MatrixCell, PlanItem, TimelineEntry } from './types.ts';

/**
 * The impact/effort matrix of the open items (`GET …/action-plan/matrix`): high impact at the top, effort S to L
 * left to right; the quick wins cell (high impact, small effort) stands out. Items open for editing from it.
 */
export function PlanMatrix({
  base,
  version,
  items,
  onEdit,
}: {
  readonly base: string;
  readonly version: number;
  readonly items: readonly PlanItem[];
  readonly onEdit: ((item: PlanItem) => void) | undefined;
}) {
  const { t } = useI18n();
  const [cells] = useLoad(
    (signal) => api<MatrixCell[]>('GET', `${base}/action-plan/matrix`, { signal }),
    [base, version],
  );
  if (cells.kind !== 'ok') return <Status state={cells} />;
  const byId = new Map(items.map((i) => [i.id, i]));
  return (
    <table className="plan-matrix">
      <caption className="sr-only">{t('plan.matrixCaption')}</caption>
      <thead>
        <tr>
          <td />
          {(['S', 'M', 'L'] as const).map((e) => (
            <th key={e} scope="col">
              {t('plan.effortColumn', { effort: t(`plan.effort.${e}`) })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrixRows(cells.value).map((row) => (
          <tr key={row.impact}>
            <th scope="row">{t('plan.impactRow', { impact: t(`plan.impact.${row.impact}`) })}</th>
            {row.cells.map((cell) => (
              <td key={cell.effort} className={`matrix-cell kind-cell-${cell.kind}`}>
                <p className="matrix-kind">
                  <strong>{t(`plan.kind.${cell.kind}`)}</strong> <span className="muted">({cell.count})</span>
                </p>
                <ul className="plain">
                  {cell.ids.map((id) => {
                    const item = byId.get(id);
                    if (item === undefined) return null;
                    return (
                      <li key={id}>
                        {onEdit === undefined ? (
                          item.title
                        ) : (
                          <button type="button" className="link-button" onClick={() => onEdit(item)}>
                            {item.title}
                          </button>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The timeline (`GET …/action-plan/timeline`): each item from the day it can start to its due date. */
export function PlanTimeline({ base, version }: { readonly base: string; readonly version: number }) {
  const { t, date } = useI18n();
  const [entries] = useLoad(
    (signal) => api<TimelineEntry[]>('GET', `${base}/action-plan/timeline`, { signal }),
    [base, version],
  );
  if (entries.kind !== 'ok') return <Status state={entries} />;
  if (entries.value.length === 0) return <p className="muted">{t('actions.empty')}</p>;
  const layout = timelineLayout(entries.value, new Date());
  return (
    <table className="table plan-timeline">
      <caption className="sr-only">{t('plan.timelineCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('plan.field.title')}</th>
          <th scope="col">{t('plan.start')}</th>
          <th scope="col">{t('plan.field.dueDate')}</th>
          <th scope="col" className="timeline-axis">
            <span className="sr-only">{t('plan.bars')}</span>
            <div className="axis" aria-hidden="true">
              {layout.months.map((m) => (
                <span key={m.at.toISOString()} className="tick" style={{ left: `${m.left}%` }}>
                  {date(m.at.toISOString())}
                </span>
              ))}
            </div>
          </th>
        </tr>
      </thead>
      <tbody>
        {layout.bars.map(({ entry, left, width, overdue }) => (
          <tr key={entry.id} className={overdue ? 'overdue-row' : undefined}>
            <th scope="row">
              {entry.title}
              <div className="small">
                <span className="badge">{t(`plan.status.${entry.status}` as 'plan.status.open')}</span>
                {entry.dependencyConflict && (
                  <span className="badge badge-alert">{t('plan.dependencyConflict')}</span>
                )}
                {overdue && <span className="badge badge-alert">{t('plan.overdue')}</span>}
              </div>
            </th>
            <td>{date(entry.start)}</td>
            <td>{date(entry.due)}</td>
            <td className="timeline-track" aria-hidden="true">
              {layout.today !== undefined && <span className="today" style={{ left: `${layout.today}%` }} />}
              <span
                className={`bar bar-${entry.status}${entry.dependencyConflict ? ' bar-conflict' : ''}`}
                style={{ left: `${left}%`, width: `${width}%` }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
