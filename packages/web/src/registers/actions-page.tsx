import { useParams } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { Status } from '../shell/async.tsx';
import { EngagementNav } from '../shell/engagement-nav.tsx';
import { useRegister, type PlanAction } from './use-register.ts';

const COLUMNS = ['open', 'in-progress', 'done'] as const;
const PRIORITY = ['critical', 'high', 'quick-win', 'medium', 'low'];

/** The action plan as a board by status, and as a timeline by due date. */
export function ActionsPage() {
  const { t, date } = useI18n();
  const { organisationId = '', engagementId = '' } = useParams();
  const actions = useRegister<PlanAction>(organisationId, engagementId, 'actions');
  if (actions.kind !== 'ok')
    return <Status state={actions.kind === 'error' ? actions : { kind: 'loading' }} />;
  const byPriority = (a: PlanAction, b: PlanAction) =>
    PRIORITY.indexOf(a.priority) - PRIORITY.indexOf(b.priority);
  const known = new Set<string>(COLUMNS);
  const columns = [...COLUMNS, ...new Set(actions.items.map((a) => a.status).filter((s) => !known.has(s)))];
  const timeline = [...actions.items]
    .filter((a) => a.dueDate !== null)
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  return (
    <div>
      <EngagementNav engagement={actions.engagement} />
      <h2>{t('actions.title')}</h2>
      <div className="board">
        {columns.map((column) => {
          const cards = actions.items.filter((a) => a.status === column).sort(byPriority);
          return (
            <section key={column} className="board-column card" aria-labelledby={`col-${column}`}>
              <h3 id={`col-${column}`}>
                {column} <span className="muted">({cards.length})</span>
              </h3>
              <ul>
                {cards.map((a) => (
                  <li key={a.id} className="board-card">
                    <span className={`badge priority-${a.priority}`}>{a.priority}</span>
                    <p>{a.title}</p>
                    {a.dueDate !== null && (
                      <p className="small muted">{t('actions.due', { date: date(a.dueDate) })}</p>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <section className="card" aria-labelledby="timeline-title">
        <h3 id="timeline-title">{t('actions.timeline')}</h3>
        {timeline.length === 0 ? (
          <p className="muted">{t('actions.empty')}</p>
        ) : (
          <ol className="timeline">
            {timeline.map((a) => (
              <li key={a.id}>
                <time dateTime={a.dueDate ?? ''}>{date(a.dueDate ?? '')}</time> — {a.title}{' '}
                <span className="badge">{a.priority}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
