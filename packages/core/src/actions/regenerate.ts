import type {
  ActionInputs,
  ActionPlan,
  EditableField,
  Recommendation,
  SourceEntry,
} from './actions.schema.ts';
import { validateDependencies } from './dependencies.ts';
import { derive, fromSources, generatedItem, groupByRemedy } from './plan.ts';
import { sourceEntries } from './sources.ts';

const sourceKey = (s: Pick<SourceEntry, 'kind' | 'id'>) => `${s.kind}:${s.id}`;

/** Where each current source goes: the item that already holds it, else the first item answering its remedy. */
function route(previous: ActionPlan, sources: readonly SourceEntry[]) {
  const holder = new Map<string, string>();
  const keyOwner = new Map<string, string>();
  for (const item of previous.items) {
    for (const s of item.sources) if (!holder.has(sourceKey(s))) holder.set(sourceKey(s), item.id);
    for (const key of item.remedyKeys) if (!keyOwner.has(key)) keyOwner.set(key, item.id);
  }
  const assigned = new Map<string, SourceEntry[]>();
  const unassigned: SourceEntry[] = [];
  for (const source of sources) {
    const target = holder.get(sourceKey(source)) ?? keyOwner.get(source.remedyKey);
    if (target === undefined) {
      unassigned.push(source);
    } else {
      assigned.set(target, [...(assigned.get(target) ?? []), source]);
    }
  }
  return { assigned, unassigned };
}

function keepEdited<K extends EditableField & keyof Recommendation>(
  item: Recommendation,
  field: K,
  generated: Recommendation[K],
): Recommendation[K] {
  return item.edits[field] === undefined ? generated : item[field];
}

function refresh(item: Recommendation, sources: readonly SourceEntry[]): Recommendation {
  if (sources.length === 0) {
    const status =
      item.edits.status !== undefined || item.status === 'done' ? item.status : 'source-resolved';
    return { ...item, status, sourceResolved: true };
  }
  const generated = fromSources(sources);
  const status = item.edits.status === undefined && item.status === 'source-resolved' ? 'open' : item.status;
  return derive({
    ...item,
    sources,
    title: keepEdited(item, 'title', generated.title),
    priority: keepEdited(item, 'priority', generated.priority),
    effort: keepEdited(item, 'effort', generated.effort),
    owner: keepEdited(item, 'owner', generated.owner),
    status,
    sourceResolved: false,
  });
}

/**
 * Rebuilds the plan from new inputs without undoing people's work: edited fields stay as edited, merges and
 * splits stay, new remedies become new items, and items whose sources all disappeared are marked
 * `source-resolved` (status) and `sourceResolved` (flag) instead of being deleted.
 */
export function regenerate(previous: ActionPlan, inputs: ActionInputs, options: { now: Date }): ActionPlan {
  const { assigned, unassigned } = route(previous, sourceEntries(inputs));
  const items = previous.items.map((item) => refresh(item, assigned.get(item.id) ?? []));
  const taken = new Set(items.map((i) => i.id));
  for (const [key, sources] of groupByRemedy(unassigned)) {
    let item = generatedItem(key, sources, options.now);
    for (let n = 2; taken.has(item.id); n += 1) item = { ...item, id: `rec:${key}#${n}` };
    taken.add(item.id);
    items.push(item);
  }
  validateDependencies(items);
  return { generatedAt: options.now, items };
}
