import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  DomainError,
  authorize,
  parseProfile,
  permissions,
  scope,
  toScopeJson,
  type Action,
  type Actor,
  type Catalogue,
  type Lang,
  type Profile,
  type ScopeJson,
} from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { json } from '../db/json.ts';
import type { Engagement } from '../db/schema.ts';
import { reachCondition } from './engagement-access.ts';
import { jsonOfCached, readCacheOf, scopingCacheOf } from './read-cache.ts';
import { found, type CommandProps, type InOrganisation, type QueryProps } from './context.ts';
import { getEntity } from './entities.ts';

export const PHASES = [
  'scoping',
  'assessment',
  'diagnosis',
  'risk',
  'action-plan',
  'reporting',
  'closed',
] as const;
export type Phase = (typeof PHASES)[number];

export interface EngagementView {
  readonly id: string;
  readonly organisationId: string;
  readonly entityId: string;
  readonly name: string;
  readonly phase: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly team: readonly string[];
  readonly profile: Profile;
  /** The entity profile version the snapshot was taken from (null: unknown, an engagement older than the column). */
  readonly profileVersion: number | null;
  readonly catalogue: readonly { id: string; version: string }[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly permissions: Action[];
}

export function engagementView(row: Engagement, perms: Action[]): EngagementView {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    entityId: row.entity_id,
    name: row.name,
    phase: row.phase,
    startDate: row.start_date,
    endDate: row.end_date,
    team: row.team,
    profile: row.profile as Profile,
    profileVersion: row.profile_version,
    catalogue: row.catalogue,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    permissions: perms,
  };
}

export interface CreateEngagementInput extends InOrganisation {
  readonly entityId: string;
  readonly name: string;
  /** Defaults to the entity's latest profile; either way it is snapshotted into the engagement. */
  readonly profile?: unknown;
  readonly startDate?: string | undefined;
  readonly endDate?: string | undefined;
  readonly team?: readonly string[] | undefined;
}

/**
 * Opens an engagement: snapshots the profile, pins the catalogue versions, and creates one `not-assessed`
 * assessment per applicable requirement.
 */
export async function createEngagement({
  actor,
  input,
  tx,
  catalogue,
}: CommandProps<CreateEngagementInput> & { readonly catalogue: Catalogue }): Promise<EngagementView> {
  authorize(actor, 'engagement.create', input);
  const entity = await getEntity({ actor, input, tx });
  const profile = input.profile === undefined ? entity.profile : parseProfile(input.profile);
  const team = [...(input.team ?? [])];
  if (team.length > 0) {
    const members = await tx
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', input.organisationId)
      .where('user_id', 'in', team)
      .execute();
    const known = new Set(members.map((m) => m.user_id));
    const stranger = team.find((userId) => !known.has(userId));
    if (stranger !== undefined)
      throw new DomainError(
        'engagement.team_not_member',
        `team: ${stranger} is not a member of this organisation`,
        {
          path: 'team',
        },
      );
  }
  const result = scope(profile, catalogue);
  const id = randomUUID();
  const row = await tx
    .insertInto('engagements')
    .values({
      id,
      organisation_id: input.organisationId,
      entity_id: entity.id,
      name: input.name,
      profile: json(profile),
      profile_version: entity.profileVersion,
      catalogue: json(result.catalogue),
      phase: 'scoping',
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      team: json(team),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const applicable = result.requirements.filter((r) => r.applicable);
  for (let i = 0; i < applicable.length; i += 500) {
    await tx
      .insertInto('assessments')
      .values(
        applicable.slice(i, i + 500).map((r) => ({
          id: randomUUID(),
          organisation_id: input.organisationId,
          engagement_id: id,
          requirement_urn: r.urn,
          status: 'not-assessed',
          maturity: null,
          assessor_id: null,
        })),
      )
      .execute();
  }
  const created = engagementView(row, permissions(actor, input));
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'engagement.create',
    entityType: 'engagement',
    entityId: id,
    before: null,
    after: { ...created, permissions: undefined, assessments: applicable.length },
  });
  return created;
}

/**
 * Loads one engagement of the organisation that the actor may see: 404 for unknown and foreign ids, and for an
 * engagement whose team does not list a team-bound actor (core's reach rule, applied in the query).
 */
export async function loadEngagement(
  tx: QueryProps<unknown>['tx'],
  actor: Actor,
  input: EngagementInput,
): Promise<Engagement> {
  return found(
    await visibleEngagement(tx, actor, input).selectAll().executeTakeFirst(),
    'engagement',
    input.engagementId,
  );
}

/**
 * The query behind loadEngagement (tenant, id, reach), for reads that fetch more with the engagement in the same
 * round trip; use it with `found` so that unknown, foreign and out-of-team ids all answer 404.
 */
export function visibleEngagement(tx: QueryProps<unknown>['tx'], actor: Actor, input: EngagementInput) {
  return tx
    .selectFrom('engagements')
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', input.engagementId)
    .where(reachCondition(actor, input.organisationId));
}

/**
 * Loads an engagement for the server itself: a job that was authorized, team included, when it was requested.
 * Never call it with ids that come from a request.
 */
export async function loadEngagementForJob(
  tx: QueryProps<unknown>['tx'],
  organisationId: string,
  engagementId: string,
): Promise<Engagement> {
  return found(
    await tx
      .selectFrom('engagements')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', engagementId)
      .executeTakeFirst(),
    'engagement',
    engagementId,
  );
}

export type EngagementInput = InOrganisation & { readonly engagementId: string };

/**
 * In-scope assessments by status, and how many a re-scope took out: remembered by the engagement's assessments
 * revision (commands/read-cache.ts), so the overview does not count 500 rows on every request.
 */
async function assessmentCounts(tx: QueryProps<unknown>['tx'], input: EngagementInput, revision: number) {
  const count = async () => {
    const counts = await tx
      .selectFrom('assessments')
      .select([
        'status',
        sql<number>`count(*) filter (where out_of_scope is null)`.as('n'),
        sql<number>`count(*) filter (where out_of_scope is not null)`.as('out'),
      ])
      .where('organisation_id', '=', input.organisationId)
      .where('engagement_id', '=', input.engagementId)
      .groupBy('status')
      .execute();
    const byStatus: Record<string, number> = {};
    let outOfScope = 0;
    for (const c of counts) {
      if (Number(c.n) > 0) byStatus[c.status] = Number(c.n);
      outOfScope += Number(c.out);
    }
    return { byStatus, outOfScope };
  };
  const cache = readCacheOf(tx);
  if (cache === undefined) return count();
  return cache.get(
    `counts\u0000${input.organisationId}\u0000${input.engagementId}\u0000${revision}`,
    () => 256,
    count,
  );
}

/** One engagement with its assessment counts by status and the actor's permissions. */
export async function getEngagement({ actor, input, tx }: QueryProps<EngagementInput>) {
  authorize(actor, 'engagement.read', input);
  // One round trip: the engagement as loadEngagement reads it, the entity's latest profile version and the
  // assessments revision (the counts' cache key).
  const row = found(
    await visibleEngagement(tx, actor, input)
      .selectAll('engagements')
      .select((eb) => [
        eb
          .selectFrom('entity_profiles')
          .select((p) => p.fn.max('entity_profiles.version').as('v'))
          .where('entity_profiles.organisation_id', '=', input.organisationId)
          .whereRef('entity_profiles.entity_id', '=', 'engagements.entity_id')
          .as('latest_profile_version'),
        eb
          .selectFrom('engagement_revisions')
          .select('engagement_revisions.assessments')
          .whereRef('engagement_revisions.engagement_id', '=', 'engagements.id')
          .as('assessments_revision'),
      ])
      .executeTakeFirst(),
    'engagement',
    input.engagementId,
  );
  const { byStatus, outOfScope } = await assessmentCounts(tx, input, row.assessments_revision ?? 0);
  const latestProfileVersion = row.latest_profile_version ?? null;
  return {
    ...engagementView(row, permissions(actor, { ...input, team: row.team })),
    // In-scope assessments by status; requirements a re-scope took out keep their work and are counted apart.
    assessments: byStatus,
    outOfScopeAssessments: outOfScope,
    latestProfileVersion,
    // The entity's profile moved on since the snapshot: `GET …/rescope` previews the change.
    newerProfileAvailable:
      latestProfileVersion !== null && latestProfileVersion > (row.profile_version ?? latestProfileVersion),
  };
}

/** The engagements of an organisation, newest first. */
export async function listEngagements({
  actor,
  input,
  tx,
}: QueryProps<InOrganisation>): Promise<EngagementView[]> {
  authorize(actor, 'engagement.read', input);
  const rows = await tx
    .selectFrom('engagements')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where(reachCondition(actor, input.organisationId))
    .orderBy('created_at', 'desc')
    .execute();
  const perms = permissions(actor, input);
  return rows.map((r) => engagementView(r, perms));
}

/** Re-runs scoping on the engagement's profile snapshot: every requirement, applicable or not, with its reasons. */
export async function scopeEngagement({
  actor,
  input,
  tx,
  catalogue,
}: QueryProps<EngagementInput & { readonly lang: Lang }> & {
  readonly catalogue: Catalogue;
}): Promise<ScopeJson> {
  authorize(actor, 'engagement.read', input);
  const row = await loadEngagement(tx, actor, input);
  const compute = (): ScopeJson => {
    const result = toScopeJson(scope(parseProfile(row.profile), catalogue), input.lang);
    // The server runs one catalogue; say so when it is not the one the engagement pinned.
    const pinned = new Map(row.catalogue.map((l) => [l.id, l.version]));
    const drift = result.catalogue
      .filter((l) => pinned.get(l.id) !== l.version)
      .map(
        (l) =>
          `library ${l.id} is ${l.version} on this server; the engagement pinned ${pinned.get(l.id) ?? 'none'}`,
      );
    // A copy: the answer shares arrays with the catalogue, and the cache freezes what it keeps.
    return structuredClone(
      drift.length === 0 ? result : { ...result, warnings: [...result.warnings, ...drift] },
    );
  };
  // Scoping is a pure function of the profile snapshot, the pinned versions, the language and the server's
  // catalogue: built once per distinct input (700 requirements with their reasons take milliseconds to build and to
  // serialize), after the caller was authorized and the engagement loaded.
  return scopingCacheOf(catalogue).get(
    `${input.lang}\u0000${JSON.stringify(row.profile)}\u0000${JSON.stringify(row.catalogue)}`,
    // Size: its JSON bytes plus the objects behind them (about twice as much).
    (answer) => (jsonOfCached(answer)?.length ?? 0) * 3,
    compute,
  );
}
