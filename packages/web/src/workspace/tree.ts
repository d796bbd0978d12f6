import type { AssessmentStatus } from '@mica-audit/core';
import type { Assessment, Evidence, ScopedRequirement } from '../api/types.ts';
import { titleKey, titleOf, type TitleRef } from './titles.ts';

/** One applicable requirement of the engagement with its assessment and evidence count. */
export interface WorkItem {
  readonly requirement: ScopedRequirement;
  readonly title: TitleRef;
  readonly assessment: Assessment;
  readonly evidence: number;
}

export type GroupBy = 'structure' | 'domain';

export interface Filters {
  readonly statuses: readonly AssessmentStatus[];
  readonly domain: string;
  readonly regulation: string;
  readonly evidence: 'any' | 'with' | 'without';
  readonly mapped: boolean;
  /** '' for anyone, `none` for unassigned, else a user id. */
  readonly assignee: string;
  readonly text: string;
}

export const NO_FILTERS: Filters = {
  statuses: [],
  domain: '',
  regulation: '',
  evidence: 'any',
  mapped: false,
  assignee: '',
  text: '',
};

/** A visible line of the tree: a group heading or a requirement. */
export type Row =
  | {
      readonly kind: 'group';
      readonly key: string;
      readonly level: 'regulation' | 'title' | 'article' | 'domain';
      readonly depth: number;
      readonly regulation: string;
      readonly title?: TitleRef;
      readonly article?: string;
      readonly domain?: string;
      readonly count: number;
      readonly expanded: boolean;
    }
  | { readonly kind: 'item'; readonly key: string; readonly depth: number; readonly item: WorkItem };

/** Joins scoping, assessments and evidence into the items the workspace shows: applicable requirements only. */
export function buildItems(
  requirements: readonly ScopedRequirement[],
  assessments: readonly Assessment[],
  evidence: readonly Evidence[],
): WorkItem[] {
  const byUrn = new Map(assessments.map((a) => [a.requirementUrn, a]));
  const evidenceCount = new Map<string, number>();
  for (const e of evidence)
    for (const urn of e.requirementUrns) evidenceCount.set(urn, (evidenceCount.get(urn) ?? 0) + 1);
  const items: WorkItem[] = [];
  for (const requirement of requirements) {
    const assessment = byUrn.get(requirement.urn);
    if (assessment === undefined) continue;
    items.push({
      requirement,
      title: titleOf(requirement.regulation, requirement.article),
      assessment,
      evidence: evidenceCount.get(requirement.urn) ?? 0,
    });
  }
  return items;
}

/** Whether an item passes every filter; text matches ref, title, URN and notes, case-insensitively. */
export function matches(item: WorkItem, filters: Filters): boolean {
  const { requirement: r, assessment: a } = item;
  if (filters.statuses.length > 0 && !filters.statuses.includes(a.status)) return false;
  if (filters.domain !== '' && !r.domains.includes(filters.domain)) return false;
  if (filters.regulation !== '' && r.regulation !== filters.regulation) return false;
  if (filters.evidence === 'with' && item.evidence === 0) return false;
  if (filters.evidence === 'without' && item.evidence > 0) return false;
  if (filters.mapped && r.mapped.length === 0) return false;
  if (filters.assignee === 'none' && a.assigneeId !== null) return false;
  if (filters.assignee !== '' && filters.assignee !== 'none' && a.assigneeId !== filters.assignee)
    return false;
  const text = filters.text.trim().toLowerCase();
  if (text !== '') {
    const haystack = `${r.regulation} ${r.ref} ${r.title} ${r.urn} ${a.observation} ${a.interviewNotes}`;
    if (!haystack.toLowerCase().includes(text)) return false;
  }
  return true;
}

/** Flattens the filtered items into visible rows; a collapsed group hides its descendants but keeps its count. */
export function buildRows(
  items: readonly WorkItem[],
  filters: Filters,
  groupBy: GroupBy,
  collapsed: ReadonlySet<string>,
): Row[] {
  const visible = items.filter((item) => matches(item, filters));
  return groupBy === 'domain' ? domainRows(visible, collapsed) : structureRows(visible, collapsed);
}

function structureRows(items: readonly WorkItem[], collapsed: ReadonlySet<string>): Row[] {
  // Catalogue order is kept: groups appear in the order of their first requirement.
  const tree = new Map<string, Map<string, Map<string, WorkItem[]>>>();
  for (const item of items) {
    const r = item.requirement;
    const titles = tree.get(r.regulation) ?? new Map<string, Map<string, WorkItem[]>>();
    tree.set(r.regulation, titles);
    const tKey = titleKey(item.title);
    const articles = titles.get(tKey) ?? new Map<string, WorkItem[]>();
    titles.set(tKey, articles);
    const list = articles.get(r.article) ?? [];
    articles.set(r.article, list);
    list.push(item);
  }
  const rows: Row[] = [];
  // MiCA leads (the audit is a MiCA audit); the other regulations follow in catalogue order.
  const ordered = [...tree].sort(([a], [b]) => Number(b === 'MiCA') - Number(a === 'MiCA'));
  for (const [regulation, titles] of ordered) {
    const regKey = `r:${regulation}`;
    const regOpen = !collapsed.has(regKey);
    const regCount = [...titles.values()].reduce(
      (n, arts) => n + [...arts.values()].reduce((m, l) => m + l.length, 0),
      0,
    );
    rows.push({
      kind: 'group',
      key: regKey,
      level: 'regulation',
      depth: 1,
      regulation,
      count: regCount,
      expanded: regOpen,
    });
    if (!regOpen) continue;
    for (const [tKey, articles] of titles) {
      const first = articles.values().next().value?.[0];
      const titleGroupKey = `t:${regulation}:${tKey}`;
      const titleOpen = !collapsed.has(titleGroupKey);
      rows.push({
        kind: 'group',
        key: titleGroupKey,
        level: 'title',
        depth: 2,
        regulation,
        ...(first === undefined ? {} : { title: first.title }),
        count: [...articles.values()].reduce((m, l) => m + l.length, 0),
        expanded: titleOpen,
      });
      if (!titleOpen) continue;
      for (const [article, list] of articles) {
        const articleKey = `a:${regulation}:${article}`;
        const articleOpen = !collapsed.has(articleKey);
        rows.push({
          kind: 'group',
          key: articleKey,
          level: 'article',
          depth: 3,
          regulation,
          article,
          count: list.length,
          expanded: articleOpen,
        });
        if (!articleOpen) continue;
        for (const item of list)
          rows.push({ kind: 'item', key: `i:${item.requirement.urn}`, depth: 4, item });
      }
    }
  }
  return rows;
}

function domainRows(items: readonly WorkItem[], collapsed: ReadonlySet<string>): Row[] {
  const groups = new Map<string, WorkItem[]>();
  for (const item of items) {
    const domains = item.requirement.domains.length > 0 ? item.requirement.domains : [''];
    for (const domain of domains) {
      const list = groups.get(domain) ?? [];
      groups.set(domain, list);
      list.push(item);
    }
  }
  const rows: Row[] = [];
  for (const [domain, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const key = `d:${domain}`;
    const open = !collapsed.has(key);
    rows.push({
      kind: 'group',
      key,
      level: 'domain',
      depth: 1,
      regulation: '',
      domain,
      count: list.length,
      expanded: open,
    });
    if (open)
      for (const item of list)
        rows.push({ kind: 'item', key: `i:${domain}:${item.requirement.urn}`, depth: 2, item });
  }
  return rows;
}

/** The index of the next (step 1) or previous (step -1) row, clamped to the list. */
export function moveIndex(current: number, step: number, length: number): number {
  if (length === 0) return -1;
  if (current < 0) return step > 0 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + step));
}

/**
 * The filtered items under a group row (`r:…`, `t:…`, `a:…`, `d:…`), whether or not it is folded: the targets of a
 * bulk action on that group. An unknown key gives none.
 */
export function itemsOfGroup(
  items: readonly WorkItem[],
  filters: Filters,
  groupBy: GroupBy,
  key: string,
): WorkItem[] {
  const rows = buildRows(items, filters, groupBy, new Set());
  const start = rows.findIndex((r) => r.kind === 'group' && r.key === key);
  const group = rows[start];
  if (group === undefined) return [];
  const out: WorkItem[] = [];
  for (const row of rows.slice(start + 1)) {
    if (row.depth <= group.depth) break;
    if (row.kind === 'item') out.push(row.item);
  }
  return out;
}

/** The bulk changes that assign `assigneeId` (null: unassign) to the items, skipping those already so. */
export function assignmentChanges(
  items: readonly WorkItem[],
  assigneeId: string | null,
): { readonly id: string; readonly version: number; readonly assigneeId: string | null }[] {
  const seen = new Set<string>();
  const out: { id: string; version: number; assigneeId: string | null }[] = [];
  for (const { assessment: a } of items) {
    // A requirement listed under two domains is one assessment: send it once.
    if (a.assigneeId === assigneeId || seen.has(a.id)) continue;
    seen.add(a.id);
    out.push({ id: a.id, version: a.version, assigneeId });
  }
  return out;
}

/**
 * Who the assignee filter offers: the team, then anyone still assigned who has left it, so the work they hold can
 * still be found; `names` names them (organisation members), else their id is shown.
 */
export function assigneeChoices(
  team: readonly { readonly userId: string; readonly name: string }[],
  items: readonly WorkItem[],
  names: ReadonlyMap<string, string>,
): { readonly userId: string; readonly name: string; readonly inTeam: boolean }[] {
  const out = team.map((m) => ({ userId: m.userId, name: m.name, inTeam: true }));
  const known = new Set(team.map((m) => m.userId));
  for (const { assessment: a } of items)
    if (a.assigneeId !== null && !known.has(a.assigneeId)) {
      known.add(a.assigneeId);
      out.push({ userId: a.assigneeId, name: names.get(a.assigneeId) ?? a.assigneeId, inTeam: false });
    }
  return out;
}
