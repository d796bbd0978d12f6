import { DomainError } from '../errors.ts';
import {
  ACTION_STATUSES,
  EFFORTS,
  type ActionPlan,
  type EditableField,
  type Editor,
  type Recommendation,
  type RecommendationPatch,
  type SourceEntry,
} from './actions.schema.ts';
import { validateDependencies } from './dependencies.ts';
import { bySeverity, derive, fromSources } from './plan.ts';

function find(plan: ActionPlan, id: string): Recommendation {
  const item = plan.items.find((i) => i.id === id);
  if (item === undefined) {
    throw new DomainError('actions.unknown_recommendation', `no recommendation ${id} in the plan`, {
      kind: 'not_found',
      path: id,
    });
  }
  return item;
}

function checked(plan: ActionPlan, items: Recommendation[]): ActionPlan {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) {
      throw new DomainError(
        'actions.duplicate_recommendation',
        `two recommendations would be called ${item.id}; choose another id`,
        { kind: 'conflict', path: item.id },
      );
    }
    ids.add(item.id);
  }
  validateDependencies(items);
  return { generatedAt: plan.generatedAt, items };
}

/** Applies a person's edit and records which fields they set, so regeneration keeps them. */
export function editRecommendation(
  plan: ActionPlan,
  id: string,
  patch: RecommendationPatch,
  editor: Editor,
): ActionPlan {
  const item = find(plan, id);
  const edits: Partial<Record<EditableField, Editor>> = { ...item.edits };
  for (const field of Object.keys(patch) as EditableField[]) {
    if (patch[field] !== undefined) edits[field] = editor;
  }
  const next = derive({
    ...item,
    ...(patch.title === undefined ? {} : { title: patch.title }),
    ...(patch.priority === undefined ? {} : { priority: patch.priority }),
    ...(patch.effort === undefined ? {} : { effort: patch.effort }),
    ...(patch.owner === undefined ? {} : { owner: patch.owner }),
    ...(patch.dueDate === undefined ? {} : { dueDate: patch.dueDate }),
    ...(patch.status === undefined ? {} : { status: patch.status }),
    ...(patch.dependencies === undefined ? {} : { dependencies: [...new Set(patch.dependencies)] }),
    edits,
  });
  return checked(
    plan,
    plan.items.map((i) => (i.id === id ? next : i)),
  );
}

function mergedStatus(items: readonly Recommendation[]): Recommendation['status'] {
  if (items.every((i) => i.status === 'done' || i.status === 'source-resolved')) {
    return items.some((i) => i.status === 'done') ? 'done' : 'source-resolved';
  }
  const active = items
    .map((i) => ACTION_STATUSES.indexOf(i.status))
    .filter((s) => s < ACTION_STATUSES.indexOf('done'));
  return ACTION_STATUSES[Math.max(...active)] ?? 'open';
}

function mergeEdits(items: readonly Recommendation[]): Partial<Record<EditableField, Editor>> {
  const edits: Partial<Record<EditableField, Editor>> = {};
  for (const item of items) {
    for (const [field, editor] of Object.entries(item.edits) as [EditableField, Editor][]) {
      const current = edits[field];
      if (current === undefined || current.at.getTime() < editor.at.getTime()) edits[field] = editor;
    }
  }
  return edits;
}

function replaceDependencies(
  deps: readonly string[],
  replaced: ReadonlySet<string>,
  by: readonly string[],
  self: string,
): string[] {
  return [...new Set(deps.flatMap((d) => (replaced.has(d) ? by : [d])))].filter((d) => d !== self);
}

/** Merges recommendations that share one remedy; the merged item answers all their sources from then on. */
export function mergeRecommendations(
  plan: ActionPlan,
  ids: readonly string[],
  editor: Editor,
  options: { id?: string; title?: string } = {},
): ActionPlan {
  const unique = [...new Set(ids)];
  if (unique.length < 2)
    throw new DomainError('actions.invalid_merge', 'name at least two recommendations to merge', {
      path: 'ids',
    });
  const parts = unique.map((id) => find(plan, id)).sort((a, b) => b.priority - a.priority);
  const id = options.id ?? unique.join('+');
  const merged = new Set(unique);
  const sources = [...new Map(parts.flatMap((p) => p.sources).map((s) => [`${s.kind}:${s.id}`, s])).values()];
  const edits = mergeEdits(parts);
  if (options.title !== undefined) edits.title = editor;
  const item = derive({
    id,
    remedyKeys: [...new Set(parts.flatMap((p) => p.remedyKeys))],
    sources,
    title: options.title ?? parts[0]?.title ?? id,
    priority: Math.max(...parts.map((p) => p.priority)),
    effort: EFFORTS[Math.max(...parts.map((p) => EFFORTS.indexOf(p.effort)))] ?? 'L',
    impact: 'low',
    kind: 'low-priority',
    owner: parts.find((p) => p.owner !== null)?.owner ?? null,
    createdAt: new Date(Math.min(...parts.map((p) => p.createdAt.getTime()))),
    dueDate: new Date(Math.min(...parts.map((p) => p.dueDate.getTime()))),
    status: mergedStatus(parts),
    dependencies: replaceDependencies(
      parts.flatMap((p) => p.dependencies),
      merged,
      [],
      id,
    ),
    origin: 'merged',
    derivedFrom: unique,
    edits,
    sourceResolved: parts.every((p) => p.sourceResolved),
  });
  const items: Recommendation[] = [];
  let placed = false;
  for (const current of plan.items) {
    if (merged.has(current.id)) {
      if (!placed) items.push(item);
      placed = true;
      continue;
    }
    items.push({
      ...current,
      dependencies: replaceDependencies(current.dependencies, merged, [id], current.id),
    });
  }
  return checked(plan, items);
}

export interface SplitPart {
  readonly id?: string;
  readonly title?: string;
  /** Sources of the original item, as `kind:id` (e.g. `finding:F-3`). */
  readonly sources: readonly string[];
}

/** Splits a recommendation into parts that each take some of its sources; every source must go to exactly one part. */
export function splitRecommendation(
  plan: ActionPlan,
  id: string,
  parts: readonly SplitPart[],
  editor: Editor,
): ActionPlan {
  const original = find(plan, id);
  if (parts.length < 2)
    throw new DomainError('actions.invalid_split', 'a split needs at least two parts', { path: 'parts' });
  const byKey = new Map(original.sources.map((s) => [`${s.kind}:${s.id}`, s]));
  const used = new Set<string>();
  const newItems = parts.map((part, index): Recommendation => {
    const sources: SourceEntry[] = part.sources.map((key) => {
      const source = byKey.get(key);
      if (source === undefined || used.has(key)) {
        throw new DomainError(
          'actions.invalid_split',
          `source ${key} is not a source of ${id} or is given to two parts`,
          { path: `parts[${index}].sources` },
        );
      }
      used.add(key);
      return source;
    });
    if (sources.length === 0)
      throw new DomainError('actions.invalid_split', `part ${index + 1} has no source`, {
        path: `parts[${index}]`,
      });
    const generated = fromSources([...sources].sort(bySeverity));
    const edits = { ...original.edits };
    delete edits.title;
    delete edits.priority;
    delete edits.effort;
    delete edits.dueDate;
    if (part.title !== undefined) edits.title = editor;
    return derive({
      ...original,
      ...generated,
      id: part.id ?? `${id}/${index + 1}`,
      sources,
      title: part.title ?? generated.title,
      owner: original.edits.owner === undefined ? generated.owner : original.owner,
      origin: 'split',
      derivedFrom: [id],
      edits,
    });
  });
  const missing = [...byKey.keys()].filter((k) => !used.has(k));
  if (missing.length > 0) {
    throw new DomainError(
      'actions.invalid_split',
      `sources ${missing.join(', ')} of ${id} are given to no part`,
      { path: 'parts' },
    );
  }
  const partIds = newItems.map((i) => i.id);
  const items = plan.items.flatMap((current) =>
    current.id === id
      ? newItems
      : [
          {
            ...current,
            dependencies: replaceDependencies(current.dependencies, new Set([id]), partIds, current.id),
          },
        ],
  );
  return checked(plan, items);
}
