import {
  artOwnFundsRequirement,
  authorize,
  caspPrudentialRequirement,
  compareRounds,
  computeScores,
  indexCatalogue,
  parseProfile,
  scope,
  significantArt,
  significantCasp,
  type SignificanceJudgement,
  type Assessment as ScoredAssessment,
  type Catalogue,
  type ScoredRequirement,
  type ScoreReport,
} from '@mica-audit/core';
import type { Engagement } from '../db/schema.ts';
import type { QueryProps } from './context.ts';
import { loadEngagement, type EngagementInput } from './engagements.ts';

type Props<I> = QueryProps<I> & { readonly catalogue: Catalogue };
interface Status {
  readonly status: ScoredAssessment['status'];
  readonly maturity: number | null;
}

/** The engagement's requirements as scoping leaves them, grouped by the top node of their library (its title). */
function scopedRequirements(engagement: Engagement, catalogue: Catalogue): ScoredRequirement[] {
  const pinned = new Set(engagement.catalogue.map((l) => l.id));
  const used: Catalogue = { ...catalogue, libraries: catalogue.libraries.filter((l) => pinned.has(l.id)) };
  const nodes = indexCatalogue(used).nodes;
  return scope(parseProfile(engagement.profile), used).requirements.map((req) => {
    let top = nodes.get(req.urn);
    while (top?.parent !== undefined) top = nodes.get(top.parent) ?? top;
    return {
      urn: req.urn,
      regulation: req.regulation,
      article: req.source.article,
      title: top?.ref ?? req.source.article,
      domains: [...req.domains],
      applicable: req.applicable,
    };
  });
}

function score(
  requirements: readonly ScoredRequirement[],
  statuses: ReadonlyMap<string, Status>,
): ScoreReport {
  const known = new Set(requirements.map((r) => r.urn));
  return computeScores({
    requirements: [...requirements],
    assessments: [...statuses]
      .filter(([urn]) => known.has(urn))
      .map(([urn, s]) => ({
        urn,
        status: s.status,
        ...(s.maturity === null ? {} : { maturity: s.maturity }),
      })),
  });
}

async function currentStatuses(tx: QueryProps<unknown>['tx'], input: EngagementInput) {
  const rows = await tx
    .selectFrom('assessments')
    .select(['id', 'requirement_urn', 'status', 'maturity'])
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    // Requirements a re-scope took out keep their rows but never count.
    .where('out_of_scope', 'is', null)
    .execute();
  return rows;
}

/** Compliance scores of the engagement by requirement, article, domain, title and regulation, with coverage. */
export async function engagementScores({
  actor,
  input,
  tx,
  catalogue,
}: Props<EngagementInput>): Promise<ScoreReport> {
  authorize(actor, 'assessment.read', input);
  const engagement = await loadEngagement(tx, actor, input);
  const rows = await currentStatuses(tx, input);
  return score(
    scopedRequirements(engagement, catalogue),
    new Map(rows.map((r) => [r.requirement_urn, { status: r.status, maturity: r.maturity }])),
  );
}

/**
 * Compares the scores at an earlier instant with today's. The schema has no assessment rounds, so the earlier
 * state is rebuilt from the audit log: each assessment's state at `since` is the `before` of its first change
 * after `since`, or its current state when it has not changed since. Default `since`: the engagement's creation.
 */
export async function compareScores({
  actor,
  input,
  tx,
  catalogue,
}: Props<EngagementInput & { readonly since?: string | undefined }>) {
  authorize(actor, 'assessment.read', input);
  const engagement = await loadEngagement(tx, actor, input);
  const since = input.since === undefined ? engagement.created_at : new Date(input.since);
  const rows = await currentStatuses(tx, input);
  const current = new Map(rows.map((r) => [r.requirement_urn, { status: r.status, maturity: r.maturity }]));
  const urnOf = new Map(rows.map((r) => [r.id, r.requirement_urn]));
  const changes = await tx
    .selectFrom('audit_log')
    .select(['entity_id', 'before'])
    .where('organisation_id', '=', input.organisationId)
    .where('entity_type', '=', 'assessment')
    .where('at', '>', since.toISOString())
    .orderBy('seq')
    .execute();
  const previous = new Map(current);
  const seen = new Set<string>();
  for (const change of changes) {
    const urn = urnOf.get(change.entity_id);
    if (urn === undefined || seen.has(change.entity_id)) continue;
    seen.add(change.entity_id);
    const before = change.before as { status?: Status['status']; maturity?: number | null } | null;
    if (before?.status !== undefined)
      previous.set(urn, { status: before.status, maturity: before.maturity ?? null });
  }
  const requirements = scopedRequirements(engagement, catalogue);
  const previousScores = score(requirements, previous);
  const currentScores = score(requirements, current);
  return {
    since: since.toISOString(),
    previous: previousScores.overall,
    current: currentScores.overall,
    ...compareRounds(previousScores, currentScores),
  };
}

/**
 * Prudential figures for the engagement's profile: Art. 67 own funds, Art. 35 for ART issuers, Art. 85 and Art. 43
 * significance (the qualitative Art. 43(1)(e)-(f) criteria come from the auditor's judgement, when given).
 */
export async function engagementPrudential({
  actor,
  input,
  tx,
}: QueryProps<EngagementInput & { readonly judgement: SignificanceJudgement }>) {
  authorize(actor, 'engagement.read', input);
  const engagement = await loadEngagement(tx, actor, input);
  const profile = parseProfile(engagement.profile);
  return {
    casp: caspPrudentialRequirement(profile),
    artIssuer: artOwnFundsRequirement(profile),
    significantCasp: significantCasp(profile),
    significantArt: significantArt(profile, input.judgement),
  };
}
