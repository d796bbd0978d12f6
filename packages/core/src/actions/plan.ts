import {
  EFFORTS,
  type ActionInputs,
  type ActionPlan,
  type Effort,
  type Impact,
  type Kind,
  type Recommendation,
  type SourceEntry,
} from './actions.schema.ts';
import { validateDependencies } from './dependencies.ts';
import { sourceEntries } from './sources.ts';

/** Impact bands and due dates per band (actions/README.md). */
export const IMPACT_THRESHOLDS = { high: 50, medium: 20 } as const;
export const DUE_DAYS: Readonly<Record<Impact, number>> = { high: 30, medium: 90, low: 180 };
/** More assets than this behind one remedy make it a size larger: the fix must be rolled out everywhere. */
export const MANY_ASSETS = 5;

const DAY = 86_400_000;

/** The impact band of a priority. */
export function impactOf(priority: number): Impact {
  return priority >= IMPACT_THRESHOLDS.high
    ? 'high'
    : priority >= IMPACT_THRESHOLDS.medium
      ? 'medium'
      : 'low';
}

/** Quick wins and strategic projects are the high-impact half of the impact/effort matrix. */
export function kindOf(impact: Impact, effort: Effort): Kind {
  const highImpact = impact !== 'low';
  if (effort === 'S') return highImpact ? 'quick-win' : 'fill-in';
  return highImpact ? 'strategic-project' : 'low-priority';
}

const rankEffort = (e: Effort) => EFFORTS.indexOf(e);

/** Rank sources most urgent first, so titles and owners come from the source that matters most. */
export function bySeverity(a: SourceEntry, b: SourceEntry): number {
  const order = ['gap', 'finding', 'risk'];
  return b.priority - a.priority || order.indexOf(a.kind) - order.indexOf(b.kind) || a.id.localeCompare(b.id);
}

/** The generated values of a set of sources: the remedy is as urgent and as large as its largest source. */
export function fromSources(
  sources: readonly SourceEntry[],
): Pick<Recommendation, 'title' | 'priority' | 'effort' | 'owner'> {
  const ranked = [...sources].sort(bySeverity);
  const top = ranked[0];
  const largest = EFFORTS[Math.max(...sources.map((s) => rankEffort(s.effort)))] ?? 'S';
  const assets = new Set(sources.flatMap((s) => s.assetId ?? []));
  const effort =
    assets.size > MANY_ASSETS
      ? (EFFORTS[Math.min(rankEffort(largest) + 1, EFFORTS.length - 1)] ?? 'L')
      : largest;
  const findings = sources.filter((s) => s.kind === 'finding').length;
  const count = assets.size > 1 ? `${assets.size} assets` : `${findings} findings`;
  const title =
    top === undefined
      ? 'Recommendation'
      : top.kind === 'finding' && findings > 1
        ? `${top.title} (${count})`
        : top.title;
  return {
    title,
    priority: Math.max(0, ...sources.map((s) => s.priority)),
    effort,
    owner: ranked.find((s) => s.owner !== null)?.owner ?? null,
  };
}

/** Recomputes the fields that follow from others (impact, kind, and the due date unless a person set it). */
export function derive(item: Recommendation): Recommendation {
  const impact = impactOf(item.priority);
  const dueDate =
    item.edits.dueDate === undefined
      ? new Date(item.createdAt.getTime() + DUE_DAYS[impact] * DAY)
      : item.dueDate;
  return { ...item, impact, kind: kindOf(impact, item.effort), dueDate };
}

/** Groups sources by remedy key, keeping the order in which keys first appear. */
export function groupByRemedy(sources: readonly SourceEntry[]): Map<string, SourceEntry[]> {
  const groups = new Map<string, SourceEntry[]>();
  for (const source of sources) {
    const list = groups.get(source.remedyKey) ?? [];
    list.push(source);
    groups.set(source.remedyKey, list);
  }
  return groups;
}

/** A new generated recommendation for one remedy. */
export function generatedItem(
  remedyKey: string,
  sources: readonly SourceEntry[],
  createdAt: Date,
): Recommendation {
  return derive({
    id: `rec:${remedyKey}`,
    remedyKeys: [remedyKey],
    sources,
    ...fromSources(sources),
    impact: 'low',
    kind: 'low-priority',
    createdAt,
    dueDate: createdAt,
    status: 'open',
    dependencies: [],
    origin: 'generated',
    derivedFrom: [],
    edits: {},
    sourceResolved: false,
  });
}

/** Sorts most urgent first, then by due date, so the plan reads as a to-do list. */
export function byUrgency(a: Recommendation, b: Recommendation): number {
  return b.priority - a.priority || a.dueDate.getTime() - b.dueDate.getTime() || a.id.localeCompare(b.id);
}

/** Generates the first action plan of an engagement from its gaps, findings and risks. */
export function generatePlan(inputs: ActionInputs, options: { now: Date }): ActionPlan {
  const items = [...groupByRemedy(sourceEntries(inputs))].map(([key, sources]) =>
    generatedItem(key, sources, options.now),
  );
  items.sort(byUrgency);
  validateDependencies(items);
  return { generatedAt: options.now, items };
}
