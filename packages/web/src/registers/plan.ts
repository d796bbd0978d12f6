import type { MatrixCell, PlanItem, TimelineEntry } from './types.ts';

/** Board columns, in the order work moves through them (core's ACTION_STATUSES). */
export const PLAN_STATUSES = ['open', 'in-progress', 'blocked', 'done', 'source-resolved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const EFFORTS = ['S', 'M', 'L'] as const;

/** Most urgent first: highest priority, then the earliest due date, then id for a stable order. */
export function byUrgency(a: PlanItem, b: PlanItem): number {
  return b.priority - a.priority || a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id);
}

/** The board: every status column (empty ones too, so a card can be moved there) with its cards by urgency. */
export function boardColumns(items: readonly PlanItem[]): { status: PlanStatus; items: PlanItem[] }[] {
  return PLAN_STATUSES.map((status) => ({
    status,
    items: items.filter((i) => i.status === status).sort(byUrgency),
  }));
}

/** The matrix as rows of high, medium, low impact, each with its S, M, L cells. */
export function matrixRows(
  cells: readonly MatrixCell[],
): { impact: MatrixCell['impact']; cells: MatrixCell[] }[] {
  return (['high', 'medium', 'low'] as const).map((impact) => ({
    impact,
    cells: EFFORTS.map(
      (effort) =>
        cells.find((c) => c.impact === impact && c.effort === effort) ?? {
          impact,
          effort,
          kind: 'low-priority',
          count: 0,
          ids: [],
        },
    ),
  }));
}

export interface TimelineBar {
  readonly entry: TimelineEntry;
  /** Position and length on the axis, in percent of its width. */
  readonly left: number;
  readonly width: number;
  readonly overdue: boolean;
}

export interface TimelineLayout {
  readonly from: Date;
  readonly to: Date;
  readonly bars: readonly TimelineBar[];
  /** Where today falls, in percent; undefined when outside the axis. */
  readonly today: number | undefined;
  /** First day of each month on the axis, with its position. */
  readonly months: readonly { readonly at: Date; readonly left: number }[];
}

const DAY = 86_400_000;
const closed = new Set(['done', 'source-resolved']);

/** Lays the timeline out on one axis from the earliest start to the latest due date (one day at least). */
export function timelineLayout(entries: readonly TimelineEntry[], now: Date): TimelineLayout {
  const times = entries.flatMap((e) => [Date.parse(e.start), Date.parse(e.due)]);
  const from = times.length === 0 ? now.getTime() : Math.min(...times);
  const to = Math.max(from + DAY, ...times);
  const span = to - from;
  const pct = (t: number) => ((t - from) / span) * 100;
  const bars = entries.map((entry) => {
    const start = Date.parse(entry.start);
    const due = Date.parse(entry.due);
    // A bar whose start is after its due date (a dependency conflict) is drawn as a marker at its due date.
    const left = pct(Math.min(start, due));
    return {
      entry,
      left,
      width: Math.max(0.8, pct(Math.max(start, due)) - left),
      overdue: due < now.getTime() && !closed.has(entry.status),
    };
  });
  const months: { at: Date; left: number }[] = [];
  const first = new Date(from);
  for (
    let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
    m.getTime() <= to;
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))
  )
    months.push({ at: m, left: pct(m.getTime()) });
  const today = now.getTime() >= from && now.getTime() <= to ? pct(now.getTime()) : undefined;
  return { from: new Date(from), to: new Date(to), bars, today, months };
}

/** A source's key as the split route takes it (`kind:id`). */
export const sourceKey = (s: PlanItem['sources'][number]) => `${s.kind}:${s.id}`;

/**
 * The parts of a split from each source's chosen part number (1-based); parts left without a source are dropped.
 * Undefined when fewer than two parts would remain: a split needs two.
 */
export function splitParts(
  item: PlanItem,
  partOf: Readonly<Record<string, number>>,
): { sources: string[] }[] | undefined {
  const parts = new Map<number, string[]>();
  for (const source of item.sources) {
    const key = sourceKey(source);
    const part = partOf[key] ?? 1;
    parts.set(part, [...(parts.get(part) ?? []), key]);
  }
  const ordered = [...parts.entries()].sort(([a], [b]) => a - b).map(([, sources]) => ({ sources }));
  return ordered.length >= 2 ? ordered : undefined;
}

/** True when adding `dependency` to `id` would close a loop (core refuses cycles; say so before sending). */
export function wouldCycle(items: readonly PlanItem[], id: string, dependency: string): boolean {
  const deps = new Map(items.map((i) => [i.id, i.dependencies]));
  const seen = new Set<string>();
  const stack = [dependency];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    if (current === id) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    stack.push(...(deps.get(current) ?? []));
  }
  return false;
}
