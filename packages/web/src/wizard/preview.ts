import { api } from '../api/client.ts';
import type { ScopedRequirement, ScopingPreview } from '../api/types.ts';

/**
 * The live preview runs scoping on the server, which holds the catalogue: `POST …/scoping/preview` answers what
 * opening an engagement with this profile would scope, and stores nothing.
 */
export function previewScoping(
  organisationId: string,
  profile: unknown,
  lang: string,
  signal: AbortSignal,
): Promise<ScopingPreview> {
  return api<ScopingPreview>(
    'POST',
    `/api/organisations/${encodeURIComponent(organisationId)}/scoping/preview`,
    { body: { profile, lang }, signal },
  );
}

/** The part of a profile scoping depends on: the entity's name changes nothing, so typing it sends no request. */
export function scopingKey<P extends { readonly name: string }>(profile: P | undefined): string | undefined {
  return profile === undefined ? undefined : JSON.stringify({ ...profile, name: '' });
}

/** How many requirements became applicable, and how many stopped applying, from one answer to the next. */
export function previewDelta(
  previous: readonly ScopedRequirement[],
  next: readonly ScopedRequirement[],
): { readonly added: number; readonly removed: number } {
  const before = new Set(previous.filter((r) => r.applicable).map((r) => r.urn));
  const after = new Set(next.filter((r) => r.applicable).map((r) => r.urn));
  let added = 0;
  for (const urn of after) if (!before.has(urn)) added += 1;
  let removed = 0;
  for (const urn of before) if (!after.has(urn)) removed += 1;
  return { added, removed };
}

export interface RegulationGroup<R> {
  readonly regulation: string;
  readonly requirements: readonly R[];
}

/** Orders by regulation, MiCA first (the audit is a MiCA audit), the others as they come (stable sort). */
export function micaFirst<R extends { readonly regulation: string }>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) => Number(b.regulation === 'MiCA') - Number(a.regulation === 'MiCA'));
}

/** Requirements grouped by regulation, MiCA first, then catalogue order. */
export function groupByRegulation<R extends { readonly regulation: string }>(
  requirements: readonly R[],
): RegulationGroup<R>[] {
  const groups = new Map<string, R[]>();
  for (const r of requirements) {
    const list = groups.get(r.regulation) ?? [];
    groups.set(r.regulation, list);
    list.push(r);
  }
  return [...groups]
    .sort(([a], [b]) => Number(b === 'MiCA') - Number(a === 'MiCA'))
    .map(([regulation, list]) => ({ regulation, requirements: list }));
}

export interface RegulationCount {
  readonly regulation: string;
  readonly applicable: number;
  readonly excluded: number;
}

/** Applicable and excluded requirements per regulation, in the order of `groupByRegulation`. */
export function countByRegulation(requirements: readonly ScopedRequirement[]): RegulationCount[] {
  return groupByRegulation(requirements).map((g) => {
    const applicable = g.requirements.filter((r) => r.applicable).length;
    return { regulation: g.regulation, applicable, excluded: g.requirements.length - applicable };
  });
}
