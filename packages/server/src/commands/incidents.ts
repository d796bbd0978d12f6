import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import {
  DomainError,
  MEMBER_STATE_TIME_ZONES,
  assessIncident,
  authorize,
  incidentImpactSchema,
  isDomainError,
  type Actor,
  type AssessedIncident,
  type IncidentImpact,
} from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { json } from '../db/json.ts';
import type { IncidentTable } from '../db/schema.ts';
import type { CommandProps, QueryProps } from './context.ts';
import { found } from './context.ts';
import { loadEngagement, type EngagementInput } from './engagements.ts';
import { checkVersion } from './stale-version.ts';

type IncidentRow = Selectable<IncidentTable>;
type IncidentInput = EngagementInput & { readonly incidentId: string };
const TIMES = ['awareAt', 'classifiedAt', 'initialSentAt', 'intermediateSentAt', 'finalSentAt'] as const;

/** What a person records about an incident; classification and deadlines are computed by core. */
export interface IncidentFields {
  readonly title: string;
  readonly status: 'open' | 'closed';
  readonly occurredAt: string;
  readonly awareAt: string;
  readonly classifiedAt?: string | null | undefined;
  readonly initialSentAt?: string | null | undefined;
  readonly intermediateSentAt?: string | null | undefined;
  readonly finalSentAt?: string | null | undefined;
  readonly impact: IncidentImpact;
}

/** Rows written before the register was writable have no impact: they classify as not affecting critical services. */
function impactOf(row: IncidentRow): IncidentImpact {
  const parsed = incidentImpactSchema.safeParse(row.impact);
  return parsed.success
    ? parsed.data
    : { criticalServicesAffected: false, clients: {}, reputational: {}, dataLosses: {} };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const date = (s: string | null | undefined) => (s == null ? undefined : new Date(s));

/** DORA classification (2024/1772) and report deadlines (2025/301) in the home member state's time zone. */
function assess(row: IncidentRow, timeZone: string, now: Date): AssessedIncident {
  return assessIncident(
    {
      id: row.id,
      title: row.title,
      awareAt: row.aware_at ?? row.occurred_at,
      classifiedAt: row.classified_at ?? undefined,
      impact: impactOf(row),
      initialSentAt: row.initial_sent_at ?? undefined,
      intermediateSentAt: row.intermediate_sent_at ?? undefined,
      finalSentAt: row.final_sent_at ?? undefined,
    },
    { now, timeZone },
  );
}

function view(row: IncidentRow, timeZone: string) {
  const assessed = assess(row, timeZone, new Date());
  const d = assessed.deadlines;
  return {
    id: row.id,
    engagementId: row.engagement_id,
    title: row.title,
    status: row.status,
    occurredAt: row.occurred_at.toISOString(),
    awareAt: (row.aware_at ?? row.occurred_at).toISOString(),
    classifiedAt: iso(row.classified_at),
    initialSentAt: iso(row.initial_sent_at),
    intermediateSentAt: iso(row.intermediate_sent_at),
    finalSentAt: iso(row.final_sent_at),
    impact: impactOf(row),
    classification: assessed.classification,
    deadlines:
      d === null
        ? null
        : {
            initialDue: d.initialDue.toISOString(),
            intermediateDue: iso(d.intermediateDue),
            finalDue: iso(d.finalDue),
          },
    reports: assessed.reports,
    timeZone,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
export type IncidentView = ReturnType<typeof view>;

async function timeZoneOf(
  tx: QueryProps<unknown>['tx'],
  actor: Actor,
  input: EngagementInput,
): Promise<string> {
  const engagement = await loadEngagement(tx, actor, input);
  const state = (engagement.profile as { memberState?: string } | null)?.memberState;
  return (MEMBER_STATE_TIME_ZONES as Readonly<Record<string, string>>)[state ?? ''] ?? 'UTC';
}

/** The engagement's incidents, newest first, each with its classification, deadlines and report statuses. */
export async function listIncidents({
  actor,
  input,
  tx,
}: QueryProps<EngagementInput & { readonly page: number; readonly pageSize: number }>) {
  authorize(actor, 'engagement.read', input);
  const timeZone = await timeZoneOf(tx, actor, input);
  const query = tx
    .selectFrom('incidents')
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('occurred_at', 'desc')
    .orderBy('id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    items: rows.map((r) => view(r, timeZone)),
    page: input.page,
    pageSize: input.pageSize,
    total: Number(total.n),
  };
}

async function loadIncident(tx: QueryProps<unknown>['tx'], input: IncidentInput, lock = false) {
  let query = tx
    .selectFrom('incidents')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    .where('id', '=', input.incidentId);
  if (lock) query = query.forUpdate();
  return found(await query.executeTakeFirst(), 'incident', input.incidentId);
}

/** One incident with its classification and deadlines. */
export async function getIncident({ actor, input, tx }: QueryProps<IncidentInput>): Promise<IncidentView> {
  authorize(actor, 'engagement.read', input);
  const timeZone = await timeZoneOf(tx, actor, input);
  return view(await loadIncident(tx, input), timeZone);
}

function columns(fields: IncidentFields) {
  return {
    title: fields.title,
    status: fields.status,
    occurred_at: new Date(fields.occurredAt),
    aware_at: new Date(fields.awareAt),
    classified_at: date(fields.classifiedAt) ?? null,
    initial_sent_at: date(fields.initialSentAt) ?? null,
    intermediate_sent_at: date(fields.intermediateSentAt) ?? null,
    final_sent_at: date(fields.finalSentAt) ?? null,
    impact: json(fields.impact),
  };
}

/** Classifies the row with core before saving: an impossible timeline is a 400, never a stored incident. */
function checked(row: IncidentRow, timeZone: string): IncidentView {
  try {
    return view(row, timeZone);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw new DomainError(error.code, `${error.path ?? 'timeline'}: ${error.message}`, {
      path: error.path,
      cause: error,
    });
  }
}

/** Records an incident of the engagement; the computed classification is stored with it for the reports. */
export async function createIncident({
  actor,
  input,
  tx,
}: CommandProps<EngagementInput & { readonly fields: IncidentFields }>): Promise<IncidentView> {
  authorize(actor, 'incident.manage', input);
  const timeZone = await timeZoneOf(tx, actor, input);
  const now = new Date();
  const draft = {
    id: randomUUID(),
    organisation_id: input.organisationId,
    engagement_id: input.engagementId,
    ...columns(input.fields),
  };
  const probe = checked(
    {
      ...draft,
      impact: input.fields.impact,
      classification: {},
      version: 1,
      created_at: now,
      updated_at: now,
    },
    timeZone,
  );
  const row = await tx
    .insertInto('incidents')
    .values({ ...draft, classification: json(probe.classification) })
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = view(row, timeZone);
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'incident.create',
    entityType: 'incident',
    entityId: row.id,
    before: null,
    after,
  });
  return after;
}

/** Updates an incident if nobody changed it since `version`; 409 with the current state otherwise. */
export async function updateIncident({
  actor,
  input,
  tx,
}: CommandProps<
  IncidentInput & { readonly version: number; readonly changes: Partial<IncidentFields> }
>): Promise<IncidentView> {
  authorize(actor, 'incident.manage', input);
  const timeZone = await timeZoneOf(tx, actor, input);
  const before = await loadIncident(tx, input, true);
  const current = view(before, timeZone);
  checkVersion('incident', before, input.version, () => current);
  const merged: IncidentFields = {
    title: current.title,
    status: current.status === 'closed' ? 'closed' : 'open',
    occurredAt: current.occurredAt,
    impact: current.impact,
    ...Object.fromEntries(TIMES.map((t) => [t, current[t]])),
    awareAt: current.awareAt,
    ...Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== undefined)),
  };
  const next = columns(merged);
  const probe = checked({ ...before, ...next, impact: merged.impact }, timeZone);
  const row = await tx
    .updateTable('incidents')
    .set({
      ...next,
      classification: json(probe.classification),
      version: before.version + 1,
      updated_at: new Date(),
    })
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', input.incidentId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = view(row, timeZone);
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'incident.update',
    entityType: 'incident',
    entityId: input.incidentId,
    before: current,
    after,
  });
  return after;
}
