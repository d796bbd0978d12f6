import { randomUUID } from 'node:crypto';
import {
  DomainError,
  authorize,
  parseProfile,
  permissions,
  scope,
  toScopeJson,
  type Action,
  type Catalogue,
  type Lang,
  type Profile,
  type ScopeJson,
} from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { json } from '../db/json.ts';
import type { Engagement } from '../db/schema.ts';
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

/** Loads one engagement of the organisation (404 for unknown and foreign ids alike). */
export async function loadEngagement(
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

/** One engagement with its assessment counts by status and the actor's permissions. */
export async function getEngagement({ actor, input, tx }: QueryProps<EngagementInput>) {
  authorize(actor, 'engagement.read', input);
  const row = await loadEngagement(tx, input.organisationId, input.engagementId);
  const counts = await tx
    .selectFrom('assessments')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    .groupBy('status')
    .execute();
  const byStatus: Record<string, number> = {};
  for (const c of counts) byStatus[c.status] = Number(c.n);
  return { ...engagementView(row, permissions(actor, input)), assessments: byStatus };
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
  const row = await loadEngagement(tx, input.organisationId, input.engagementId);
  const result = toScopeJson(scope(parseProfile(row.profile), catalogue), input.lang);
  // The server runs one catalogue; say so when it is not the one the engagement pinned.
  const pinned = new Map(row.catalogue.map((l) => [l.id, l.version]));
  const drift = result.catalogue
    .filter((l) => pinned.get(l.id) !== l.version)
    .map(
      (l) =>
        `library ${l.id} is ${l.version} on this server; the engagement pinned ${pinned.get(l.id) ?? 'none'}`,
    );
  return drift.length === 0 ? result : { ...result, warnings: [...result.warnings, ...drift] };
}
