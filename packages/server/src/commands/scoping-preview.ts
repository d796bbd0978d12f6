import {
  authorize,
  scope,
  toScopeJson,
  type Actor,
  type Catalogue,
  type Lang,
  type Profile,
  type ScopeJson,
} from '@mica-audit/core';
import type { InOrganisation } from './context.ts';

/** Applicable and excluded requirements of one regulation. */
export interface RegulationCount {
  readonly regulation: string;
  readonly applicable: number;
  readonly excluded: number;
}

/** The engagement scoping answer for a profile that is not an engagement yet, with counts by regulation. */
export type ScopingPreview = ScopeJson & { readonly counts: readonly RegulationCount[] };

/** Counts applicable and excluded requirements per regulation, in catalogue order. */
export function countByRegulation(requirements: ScopeJson['requirements']): RegulationCount[] {
  const counts = new Map<string, { applicable: number; excluded: number }>();
  for (const r of requirements) {
    const count = counts.get(r.regulation) ?? { applicable: 0, excluded: 0 };
    counts.set(r.regulation, count);
    if (r.applicable) count.applicable += 1;
    else count.excluded += 1;
  }
  return [...counts].map(([regulation, c]) => ({ regulation, ...c }));
}

/**
 * Scopes a profile against the server's catalogue without storing anything: the wizard's live preview. Any member
 * may ask, since the answer reveals only the catalogue (which every member reads) applied to the profile they sent.
 */
export function previewScoping({
  actor,
  input,
  catalogue,
}: {
  readonly actor: Actor;
  readonly input: InOrganisation & { readonly profile: Profile; readonly lang: Lang };
  readonly catalogue: Catalogue;
}): ScopingPreview {
  authorize(actor, 'organisation.read', input);
  const result = toScopeJson(scope(input.profile, catalogue), input.lang);
  return { ...result, counts: countByRegulation(result.requirements) };
}
