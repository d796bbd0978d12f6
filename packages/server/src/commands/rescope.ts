/**
 * Re-scoping an engagement after its entity's profile changed: preview what would be added and removed, then apply
 * it in one transaction. Auditor work is never deleted — assessments of requirements that no longer apply are kept
 * and marked out of scope (see migration 20261122161000), and come back with their work if a later profile makes
 * them applicable again.
 */
import { randomUUID } from 'node:crypto';
import {
  DomainError,
  authorize,
  parseProfile,
  permissions,
  scope,
  type Catalogue,
  type Lang,
  type Profile,
  type ScopeResult,
} from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { json } from '../db/json.ts';
import type { Engagement, OutOfScope } from '../db/schema.ts';
import type { CommandProps, QueryProps } from './context.ts';
import { engagementView, loadEngagement, type EngagementInput, type EngagementView } from './engagements.ts';
import { hasWork, planRescope, requirementWords, type RescopePlan } from './rescope-plan.ts';

type Tx = QueryProps<unknown>['tx'];

export interface RescopeTarget {
  /** The entity profile version to re-scope to; the latest when absent. */
  readonly profileVersion?: number | undefined;
}

interface Prepared {
  readonly engagement: Engagement;
  readonly target: { readonly version: number; readonly profile: Profile };
  readonly latestVersion: number;
  readonly result: ScopeResult;
  readonly plan: RescopePlan;
}

async function entityProfile(tx: Tx, engagement: Engagement, wanted: number | undefined) {
  const rows = await tx
    .selectFrom('entity_profiles')
    .select(['version', 'profile'])
    .where('organisation_id', '=', engagement.organisation_id)
    .where('entity_id', '=', engagement.entity_id)
    .orderBy('version', 'desc')
    .execute();
  const latest = rows[0];
  // Every entity has at least its first profile version; a missing one is a broken database, not a user error.
  if (latest === undefined) throw new Error(`entity ${engagement.entity_id} has no profile version`);
  const chosen = wanted === undefined ? latest : rows.find((r) => r.version === wanted);
  if (chosen === undefined)
    throw new DomainError(
      'rescope.unknown_profile_version',
      `profileVersion: the entity has profile versions 1 to ${latest.version}, not ${wanted}; pick one of them or omit it for the latest`,
      { path: 'profileVersion' },
    );
  return {
    target: { version: chosen.version, profile: parseProfile(chosen.profile) },
    latestVersion: latest.version,
  };
}

async function prepare(
  tx: Tx,
  engagement: Engagement,
  wanted: number | undefined,
  catalogue: Catalogue,
): Promise<Prepared> {
  const { target, latestVersion } = await entityProfile(tx, engagement, wanted);
  const rows = await tx
    .selectFrom('assessments')
    .select(['id', 'requirement_urn', 'status', 'maturity', 'observation', 'interview_notes', 'out_of_scope'])
    .where('organisation_id', '=', engagement.organisation_id)
    .where('engagement_id', '=', engagement.id)
    .execute();
  const result = scope(target.profile, catalogue);
  return { engagement, target, latestVersion, result, plan: planRescope(result, rows) };
}

function pinsDiffer(engagement: Engagement, result: ScopeResult): boolean {
  const pinned = new Map(engagement.catalogue.map((l) => [l.id, l.version]));
  return (
    result.catalogue.length !== pinned.size || result.catalogue.some((l) => pinned.get(l.id) !== l.version)
  );
}

function changes(p: Prepared): boolean {
  return (
    p.plan.added.length + p.plan.restored.length + p.plan.removed.length > 0 ||
    p.engagement.profile_version !== p.target.version ||
    pinsDiffer(p.engagement, p.result)
  );
}

/**
 * Previews re-scoping to an entity profile version (the latest by default): the requirements that would be added
 * (new, or restored with their kept work) and removed (kept, marked out of scope), each with its scoping reasons.
 */
export async function previewRescope({
  actor,
  input,
  tx,
  catalogue,
}: QueryProps<EngagementInput & RescopeTarget & { readonly lang: Lang }> & {
  readonly catalogue: Catalogue;
}) {
  authorize(actor, 'engagement.read', input);
  const engagement = await loadEngagement(tx, actor, input);
  const p = await prepare(tx, engagement, input.profileVersion, catalogue);
  const { lang } = input;
  return {
    engagementId: engagement.id,
    /** Send it back with POST …/rescope; a change in between answers 409. */
    version: engagement.version,
    profileVersion: {
      current: engagement.profile_version,
      target: p.target.version,
      latest: p.latestVersion,
    },
    profile: p.target.profile,
    catalogue: { pinned: engagement.catalogue, target: p.result.catalogue },
    added: [
      ...p.plan.added.map((r) => ({ ...requirementWords(r, lang), restored: false, assessmentId: null })),
      ...p.plan.restored.map((r) => ({
        ...requirementWords(r.requirement, lang),
        restored: true,
        assessmentId: r.assessmentId,
      })),
    ],
    removed: p.plan.removed.map((r) => ({
      urn: r.assessment.requirement_urn,
      regulation: r.requirement?.regulation ?? null,
      ref: r.requirement?.ref ?? null,
      title: r.requirement?.title[lang] ?? null,
      reasons: r.reasons.map((reason) => reason[lang]),
      assessmentId: r.assessment.id,
      status: r.assessment.status,
      /** The assessment holds work (status, maturity, observation or notes): it is kept, out of scope. */
      hasWork: hasWork(r.assessment),
    })),
    unchanged: p.plan.unchanged,
    warnings: p.result.warnings,
    /** False when applying would change nothing. */
    changes: changes(p),
    permissions: permissions(actor, { ...input, team: engagement.team }),
  };
}

export interface RescopeOutcome {
  readonly engagement: EngagementView;
  readonly added: readonly string[];
  readonly restored: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Applies a re-scope in the caller's transaction if nobody changed the engagement since `version` (409 otherwise):
 * new profile snapshot and catalogue pins, `not-assessed` assessments for new requirements, restored ones back in
 * scope, no-longer-applicable ones marked out of scope with their reasons. One audit entry lists what moved.
 */
export async function applyRescope({
  actor,
  input,
  tx,
  catalogue,
}: CommandProps<EngagementInput & RescopeTarget & { readonly version: number }> & {
  readonly catalogue: Catalogue;
}): Promise<RescopeOutcome> {
  authorize(actor, 'engagement.update', input);
  const engagement = await loadEngagement(tx, actor, input);
  const perms = permissions(actor, { ...input, team: engagement.team });
  const conflict = () =>
    new DomainError(
      'engagement.version_conflict',
      `engagement ${engagement.id} was changed by someone else (version ${engagement.version}, you previewed ${input.version}): preview the re-scope again`,
      { kind: 'conflict', details: { current: engagementView(engagement, perms) } },
    );
  if (engagement.version !== input.version) throw conflict();
  const p = await prepare(tx, engagement, input.profileVersion, catalogue);
  if (!changes(p))
    return { engagement: engagementView(engagement, perms), added: [], restored: [], removed: [] };
  const now = new Date();
  const after = await tx
    .updateTable('engagements')
    .set({
      profile: json(p.target.profile),
      profile_version: p.target.version,
      catalogue: json(p.result.catalogue),
      version: engagement.version + 1,
      updated_at: now,
    })
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', engagement.id)
    .where('version', '=', engagement.version)
    .returningAll()
    .executeTakeFirst();
  if (after === undefined) throw conflict();
  await writeAssessments(tx, engagement, p, { at: now, by: actor.userId });
  const outcome = {
    added: p.plan.added.map((r) => r.urn),
    restored: p.plan.restored.map((r) => r.requirement.urn),
    removed: p.plan.removed.map((r) => r.assessment.requirement_urn),
  };
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'engagement.rescope',
    entityType: 'engagement',
    entityId: engagement.id,
    before: {
      profileVersion: engagement.profile_version,
      profile: engagement.profile,
      catalogue: engagement.catalogue,
      version: engagement.version,
    },
    after: {
      profileVersion: p.target.version,
      profile: p.target.profile,
      catalogue: p.result.catalogue,
      version: after.version,
      ...outcome,
    },
  });
  return { engagement: engagementView(after, perms), ...outcome };
}

async function writeAssessments(
  tx: CommandProps<unknown>['tx'],
  engagement: Engagement,
  p: Prepared,
  who: { readonly at: Date; readonly by: string },
): Promise<void> {
  const { added, restored, removed } = p.plan;
  for (let i = 0; i < added.length; i += 500)
    await tx
      .insertInto('assessments')
      .values(
        added.slice(i, i + 500).map((r) => ({
          id: randomUUID(),
          organisation_id: engagement.organisation_id,
          engagement_id: engagement.id,
          requirement_urn: r.urn,
          status: 'not-assessed' as const,
          maturity: null,
          assessor_id: null,
          assignee_id: null,
        })),
      )
      .execute();
  // Moving in or out of scope is a change of the assessment: its version moves, so a stale editor gets 409.
  if (restored.length > 0)
    await tx
      .updateTable('assessments')
      .set((eb) => ({ out_of_scope: null, version: eb('version', '+', 1), updated_at: who.at }))
      .where('organisation_id', '=', engagement.organisation_id)
      .where('engagement_id', '=', engagement.id)
      .where(
        'id',
        'in',
        restored.map((r) => r.assessmentId),
      )
      .execute();
  // Requirements excluded for the same reasons share one statement.
  const byReasons = Map.groupBy(removed, (r) => JSON.stringify(r.reasons));
  for (const group of byReasons.values()) {
    const mark: OutOfScope = {
      since: who.at.toISOString(),
      by: who.by,
      profileVersion: p.target.version,
      reasons: group[0]?.reasons ?? [],
    };
    await tx
      .updateTable('assessments')
      .set((eb) => ({ out_of_scope: json(mark), version: eb('version', '+', 1), updated_at: who.at }))
      .where('organisation_id', '=', engagement.organisation_id)
      .where('engagement_id', '=', engagement.id)
      .where(
        'id',
        'in',
        group.map((r) => r.assessment.id),
      )
      .execute();
  }
}
