/**
 * Core's reach rule (`engagementVisibility`: administrators and lead auditors see every engagement of their
 * organisation, the other roles only those whose team lists them) as SQL, so that it is enforced in every query
 * that reads engagements or rows belonging to one, never only in a route.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { engagementVisibility, type Actor } from '@mica-audit/core';
import { json } from '../db/json.ts';
import type { QueryProps } from './context.ts';

type Tx = QueryProps<unknown>['tx'];

/**
 * The condition an `engagements` row must meet for the actor (true for organisation-wide roles). `column` names the
 * team column as the query sees it (`team`, or `engagements.team` in a join).
 */
export function reachCondition(
  actor: Actor,
  organisationId: string,
  column = 'engagements.team',
): Expression<SqlBool> {
  const visibility = engagementVisibility(actor, organisationId);
  if (visibility.kind === 'all') return sql<SqlBool>`true`;
  if (visibility.kind === 'none') return sql<SqlBool>`false`;
  // jsonb containment: the team array holds the user id.
  return sql<SqlBool>`${sql.ref(column)} @> ${json([visibility.userId])}::jsonb`;
}

/** True when the actor sees every engagement of the organisation, so filters on engagement ids can be skipped. */
export function seesAllEngagements(actor: Actor, organisationId: string): boolean {
  return engagementVisibility(actor, organisationId).kind === 'all';
}

/** The ids of the organisation's engagements the actor sees, as a subquery for `engagement_id in (…)` filters. */
export function visibleEngagementIds(tx: Tx, actor: Actor, organisationId: string) {
  return tx
    .selectFrom('engagements')
    .select('engagements.id')
    .where('engagements.organisation_id', '=', organisationId)
    .where(reachCondition(actor, organisationId));
}

/**
 * The condition for rows that may belong to an engagement (`engagement_id` null = organisation-level, visible to
 * every member): null, or an engagement the actor sees.
 */
export function engagementRowVisible(
  tx: Tx,
  actor: Actor,
  organisationId: string,
  column: string,
): Expression<SqlBool> {
  if (seesAllEngagements(actor, organisationId)) return sql<SqlBool>`true`;
  const ids = visibleEngagementIds(tx, actor, organisationId);
  return sql<SqlBool>`(${sql.ref(column)} is null or ${sql.ref(column)} in (${ids}))`;
}

// Tables whose rows belong to an engagement (`engagement_id`, null = organisation-level where the column allows it).
const ENGAGEMENT_ROWS = {
  assessment: 'assessments',
  asset: 'assets',
  evidence: 'evidence',
  finding: 'findings',
  import: 'imports',
  incident: 'incidents',
  risk: 'risks',
  report: 'reports',
  action: 'actions',
} as const;

/**
 * The condition a `jobs` row must meet: a job about an engagement (`payload.engagementId`) follows that engagement's
 * visibility; any other job is visible to organisation-wide roles and to whoever requested it.
 */
export function jobVisible(tx: Tx, actor: Actor, organisationId: string): Expression<SqlBool> {
  if (seesAllEngagements(actor, organisationId)) return sql<SqlBool>`true`;
  const ids = visibleEngagementIds(tx, actor, organisationId);
  return sql<SqlBool>`(case when jobs.payload->>'engagementId' is null then jobs.created_by = ${actor.userId}
    else jobs.payload->>'engagementId' in (${ids}) end)`;
}

/**
 * The condition an `audit_log` row must meet. Organisation-wide roles see every entry of the organisation; a
 * team-bound actor sees the organisation-level entries (organisation, entities, memberships, invitations) and the
 * entries about their engagements and what belongs to them. Entries about rows that no longer exist (a deleted
 * risk or asset) and entry types this list does not know are hidden from them: the filter fails closed.
 */
export function auditEntryVisible(tx: Tx, actor: Actor, organisationId: string): Expression<SqlBool> {
  if (seesAllEngagements(actor, organisationId)) return sql<SqlBool>`true`;
  const ids = visibleEngagementIds(tx, actor, organisationId);
  const rowsOf = (table: string) =>
    sql`select id from ${sql.table(table)} where organisation_id = ${organisationId}
      and (engagement_id is null or engagement_id in (${ids}))`;
  const jobs = sql`select id from jobs where organisation_id = ${organisationId}
    and ${jobVisible(tx, actor, organisationId)}`;
  const targets = Object.entries(ENGAGEMENT_ROWS).map(
    ([type, table]) => sql`(target_type = ${type} and target_id in (${rowsOf(table)}))`,
  );
  const comments = sql`select id from comments where organisation_id = ${organisationId}
    and ((target_type = 'engagement' and target_id in (${ids})) or ${sql.join(targets, sql` or `)})`;
  const owned = Object.entries(ENGAGEMENT_ROWS).map(
    ([type, table]) => sql`(audit_log.entity_type = ${type} and audit_log.entity_id in (${rowsOf(table)}))`,
  );
  return sql<SqlBool>`(audit_log.entity_type in ('organisation', 'entity', 'membership', 'invitation')
    or (audit_log.entity_type in ('engagement', 'action-plan') and audit_log.entity_id in (${ids}))
    or (audit_log.entity_type = 'job' and audit_log.entity_id in (${jobs}))
    or (audit_log.entity_type = 'comment' and audit_log.entity_id in (${comments}))
    or ${sql.join(owned, sql` or `)})`;
}
