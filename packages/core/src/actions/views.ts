import { EFFORTS, IMPACTS, type ActionPlan, type Effort, type Impact, type Kind } from './actions.schema.ts';
import { kindOf } from './plan.ts';

export interface MatrixCell {
  readonly impact: Impact;
  readonly effort: Effort;
  readonly kind: Kind;
  readonly count: number;
  readonly ids: readonly string[];
}

export interface TimelineEntry {
  readonly id: string;
  readonly title: string;
  /** The later of the creation date and the latest due date of its dependencies: work cannot start before. */
  readonly start: Date;
  readonly due: Date;
  readonly status: string;
  readonly dependencies: readonly string[];
  /** True when a dependency is due after this item: the plan cannot be met as it stands. */
  readonly dependencyConflict: boolean;
}

const closed = new Set(['done', 'source-resolved']);

/** Impact/effort matrix cells (high impact first, then S, M, L) for the open items. */
export function impactEffortMatrix(plan: ActionPlan): MatrixCell[] {
  const open = plan.items.filter((i) => !closed.has(i.status));
  return [...IMPACTS].reverse().flatMap((impact) =>
    EFFORTS.map((effort) => {
      const ids = open.filter((i) => i.impact === impact && i.effort === effort).map((i) => i.id);
      return { impact, effort, kind: kindOf(impact, effort), count: ids.length, ids };
    }),
  );
}

/** Timeline bars for every item, ordered by start then due date. */
export function timeline(plan: ActionPlan): TimelineEntry[] {
  const due = new Map(plan.items.map((i) => [i.id, i.dueDate.getTime()]));
  return plan.items
    .map((item) => {
      const start = Math.max(item.createdAt.getTime(), ...item.dependencies.map((d) => due.get(d) ?? 0));
      return {
        id: item.id,
        title: item.title,
        start: new Date(start),
        due: item.dueDate,
        status: item.status,
        dependencies: item.dependencies,
        dependencyConflict: start > item.dueDate.getTime(),
      };
    })
    .sort(
      (a, b) =>
        a.start.getTime() - b.start.getTime() ||
        a.due.getTime() - b.due.getTime() ||
        a.id.localeCompare(b.id),
    );
}
