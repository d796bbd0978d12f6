import type { Evidence } from '../api/types.ts';

export interface SuggestedEvidence {
  readonly evidence: Evidence;
  /** The mapped requirements this evidence already supports. */
  readonly via: readonly string[];
}

/**
 * Evidence that supports a requirement mapped to `urn` (in another regulation) but is not linked to `urn` itself:
 * one piece of evidence should count for every regulation it satisfies.
 */
export function suggestedEvidence(
  evidence: readonly Evidence[],
  urn: string,
  mappedUrns: readonly string[],
): SuggestedEvidence[] {
  const mapped = new Set(mappedUrns);
  return evidence
    .filter((e) => !e.requirementUrns.includes(urn))
    .map((e) => ({ evidence: e, via: e.requirementUrns.filter((u) => mapped.has(u)) }))
    .filter((s) => s.via.length > 0);
}
