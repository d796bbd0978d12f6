import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { boardColumns, PLAN_STATUSES, type PlanStatus } from './plan.ts';
import type { PlanItem } from './types.ts';
import { itemPath, type PlanChange } from './use-plan.tsx';

/** `Move "x" to Done`: the change a status select or a drop makes. */
export function useMove() {
  const { t } = useI18n();
  return (item: PlanItem, status: PlanStatus): PlanChange => ({
    method: 'PATCH',
    path: itemPath(item.id),
    body: { status },
    describe: t('plan.moveDescribe', { title: item.title, status: t(`plan.status.${status}`) }),
  });
}

/**
 * The plan as a board by status. A card moves by drag and drop or, from the keyboard, by its status select;
 * cards picked with their checkbox can be merged.
 */
export function PlanBoard({
  items,
  canEdit,
  busy,
  selected,
  ownerNames,
  onSelect,
  onChange,
  onEdit,
}: {
  readonly items: readonly PlanItem[];
  readonly canEdit: boolean;
  readonly busy: boolean;
  readonly selected: ReadonlySet<string>;
  /** Member names by user id: generated items name their owner by id (a risk's owner). */
  readonly ownerNames: ReadonlyMap<string, string>;
  readonly onSelect: (id: string, on: boolean) => void;
  readonly onChange: (change: PlanChange) => void;
  readonly onEdit: (item: PlanItem) => void;
}) {
  const { t, date } = useI18n();
  const move = useMove();
  const [over, setOver] = useState<PlanStatus>();
  const byId = new Map(items.map((i) => [i.id, i]));
  return (
    <div className="board plan-board">
      {boardColumns(items).map(({ status, items: cards }) => (
        <section
          key={status}
          className={`board-column card${over === status ? ' drop-target' : ''}`}
          aria-labelledby={`col-${status}`}
          onDragOver={(e) => {
            if (!canEdit) return;
            e.preventDefault();
            setOver(status);
          }}
          onDragLeave={() => setOver(undefined)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(undefined);
            const item = byId.get(e.dataTransfer.getData('text/plain'));
            if (item !== undefined && item.status !== status) onChange(move(item, status));
          }}
        >
          <h3 id={`col-${status}`}>
            {t(`plan.status.${status}`)} <span className="muted">({cards.length})</span>
          </h3>
          <ul>
            {cards.map((item) => (
              <li
                key={item.id}
                className={`board-card${item.kind === 'quick-win' ? ' quick-win' : ''}`}
                draggable={canEdit}
                onDragStart={(e) => {
                  e.dataTransfer.setData('text/plain', item.id);
                  e.dataTransfer.effectAllowed = 'move';
                }}
              >
                <div className="card-badges">
                  <span className="badge">{t('plan.priorityValue', { n: item.priority })}</span>
                  <span className={`badge kind-${item.kind}`}>{t(`plan.kind.${item.kind}`)}</span>
                  {item.sourceResolved && <span className="badge">{t('plan.sourceResolved')}</span>}
                </div>
                <p className="card-title">{item.title}</p>
                <p className="small muted">
                  {t('plan.cardFacts', {
                    effort: item.effort,
                    impact: t(`plan.impact.${item.impact}`),
                    due: date(item.dueDate),
                    sources: item.sources.length,
                  })}
                  {item.owner !== null && ` · ${ownerNames.get(item.owner) ?? item.owner}`}
                  {item.dependencies.length > 0 &&
                    ` · ${t('plan.dependsOn', { n: item.dependencies.length })}`}
                </p>
                {canEdit && (
                  <div className="card-actions">
                    <label className="inline-field">
                      <span className="sr-only">{t('plan.statusOf', { title: item.title })}</span>
                      <select
                        value={item.status}
                        disabled={busy}
                        onChange={(e) => onChange(move(item, e.target.value as PlanStatus))}
                      >
                        {PLAN_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(`plan.status.${s}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label className="choice small">
                      <input
                        type="checkbox"
                        checked={selected.has(item.id)}
                        onChange={(e) => onSelect(item.id, e.target.checked)}
                        aria-label={t('plan.selectForMerge', { title: item.title })}
                      />
                      <span aria-hidden="true">{t('plan.mergeShort')}</span>
                    </label>
                    <button
                      type="button"
                      onClick={() => onEdit(item)}
                      aria-label={t('plan.editNamed', { title: item.title })}
                    >
                      {t('registers.edit')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
