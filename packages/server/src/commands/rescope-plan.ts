/**
 * What re-scoping an engagement would change, computed from its assessment rows (the work that exists) and core's
 * scoping of the new profile. Pure: the commands in rescope.ts read the rows and write the outcome.
 */
import type { Lang, ScopeResult, ScopedRequirement, Text } from '@mica-audit/core';
import type { OutOfScope } from '../db/schema.ts';

/** The part of an assessment row the plan needs. */
export interface AssessmentRowLite {
  readonly id: string;
  readonly requirement_urn: string;
  readonly status: string;
  readonly maturity: number | null;
  readonly observation: string;
  readonly interview_notes: string;
  readonly out_of_scope: OutOfScope | null;
}

export interface RescopePlan {
  /** Newly applicable requirements without any assessment: each gets a `not-assessed` one. */
  readonly added: readonly ScopedRequirement[];
  /** Newly applicable requirements whose out-of-scope assessment comes back into scope, work included. */
  readonly restored: readonly { readonly requirement: ScopedRequirement; readonly assessmentId: string }[];
  /** Assessed requirements that no longer apply: marked out of scope, never deleted. */
  readonly removed: readonly {
    readonly assessment: AssessmentRowLite;
    /** The reasons in both languages: core's exclusion clause, or the requirement left the catalogue. */
    readonly reasons: readonly Text[];
    /** Undefined when the requirement is no longer in the server's catalogue. */
    readonly requirement: ScopedRequirement | undefined;
  }[];
  /** In-scope assessments whose requirement still applies. */
  readonly unchanged: number;
}

const NOT_IN_CATALOGUE: Text = {
  en: 'no longer in the catalogue this server runs: the requirement was withdrawn or renamed in a newer library version',
  fr: "ne figure plus dans le catalogue de ce serveur\u00a0: l'exigence a été retirée ou renommée dans une version plus récente de la bibliothèque",
};

/** Compares the engagement's assessments with the scoping of the new profile. */
export function planRescope(result: ScopeResult, rows: readonly AssessmentRowLite[]): RescopePlan {
  const byUrn = new Map(result.requirements.map((r) => [r.urn, r]));
  const rowByUrn = new Map(rows.map((r) => [r.requirement_urn, r]));
  const added: ScopedRequirement[] = [];
  const restored: { requirement: ScopedRequirement; assessmentId: string }[] = [];
  for (const requirement of result.requirements) {
    if (!requirement.applicable) continue;
    const row = rowByUrn.get(requirement.urn);
    if (row === undefined) added.push(requirement);
    else if (row.out_of_scope !== null) restored.push({ requirement, assessmentId: row.id });
  }
  const removed: RescopePlan['removed'][number][] = [];
  let unchanged = 0;
  for (const row of rows) {
    if (row.out_of_scope !== null) continue;
    const requirement = byUrn.get(row.requirement_urn);
    if (requirement?.applicable === true) unchanged += 1;
    else
      removed.push({
        assessment: row,
        reasons: requirement === undefined ? [NOT_IN_CATALOGUE] : requirement.reasons,
        requirement,
      });
  }
  return { added, restored, removed, unchanged };
}

/** True when an assessment holds an auditor's work (anything beyond the untouched `not-assessed` row). */
export function hasWork(row: AssessmentRowLite): boolean {
  return (
    row.status !== 'not-assessed' ||
    row.maturity !== null ||
    row.observation.trim() !== '' ||
    row.interview_notes.trim() !== ''
  );
}

/** A requirement as the preview shows it, in one language. */
export function requirementWords(requirement: ScopedRequirement, lang: Lang) {
  return {
    urn: requirement.urn,
    regulation: requirement.regulation,
    ref: requirement.ref,
    title: requirement.title[lang],
    reasons: requirement.reasons.map((r) => r[lang]),
  };
}
