import { sql } from 'kysely';
import { DomainError, authorize } from '@mica-audit/core';
import { appendAuditEntries } from '../audit/audit-log.ts';
import { json } from '../db/json.ts';
import type { Assessment, AssessmentStatus, OutOfScope } from '../db/schema.ts';
import type { CommandProps, QueryProps } from './context.ts';
import { loadEngagement, visibleEngagement, type EngagementInput } from './engagements.ts';
import { found, notFound } from './context.ts';
import { jsonOfCached, readCacheOf } from './read-cache.ts';
import { checkVersion } from './stale-version.ts';

export interface AssessmentView {
  readonly id: string;
  readonly engagementId: string;
  readonly requirementUrn: string;
  readonly status: AssessmentStatus;
  readonly maturity: number | null;
  readonly observation: string;
  readonly interviewNotes: string;
  readonly assessorId: string | null;
  /** The team member the requirement is assigned to, or null. */
  readonly assigneeId: string | null;
  /** Null while the requirement applies; why and since when a re-scope took it out otherwise (work kept). */
  readonly outOfScope: OutOfScope | null;
  readonly version: number;
  readonly updatedAt: string;
}

export function assessmentView(row: Assessment): AssessmentView {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    requirementUrn: row.requirement_urn,
    status: row.status,
    maturity: row.maturity,
    observation: row.observation,
    interviewNotes: row.interview_notes,
    assessorId: row.assessor_id,
    assigneeId: row.assignee_id,
    outOfScope: row.out_of_scope,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

export const ASSESSMENT_SORTS = ['urn', '-urn', 'status', '-status', 'updated', '-updated'] as const;
const SORT_COLUMN = { urn: 'requirement_urn', status: 'status', updated: 'updated_at' } as const;

export interface ListAssessmentsInput extends EngagementInput {
  readonly status?: readonly AssessmentStatus[] | undefined;
  /** Requirement URNs starting with this prefix, e.g. `urn:mica-audit:mica:art-75`. */
  readonly urnPrefix?: string | undefined;
  readonly q?: string | undefined;
  /** A user id, `me` (the caller) or `none` (unassigned). */
  readonly assignee?: string | undefined;
  /** List the assessments a re-scope took out of scope (kept work) instead of the applicable ones. */
  readonly outOfScope?: boolean | undefined;
  readonly sort: (typeof ASSESSMENT_SORTS)[number];
  readonly page: number;
  readonly pageSize: number;
}

/**
 * One page of an engagement's assessments, filtered and sorted, with the total count for pagination. Pages are
 * remembered by the engagement's assessments revision (commands/read-cache.ts), per caller and per query, after
 * the caller has been authorized and the engagement loaded as for any other read.
 */
export async function listAssessments({ actor, input, tx }: QueryProps<ListAssessmentsInput>) {
  authorize(actor, 'assessment.read', input);
  const cache = readCacheOf(tx);
  if (cache === undefined) {
    await loadEngagement(tx, actor, input);
    return assessmentPage({ actor, input, tx });
  }
  // The engagement as loadEngagement reads it (404 alike) and its assessments revision, in one round trip.
  const { revision } = found(
    await visibleEngagement(tx, actor, input)
      .select((eb) =>
        eb
          .selectFrom('engagement_revisions')
          .select('engagement_revisions.assessments')
          .whereRef('engagement_revisions.engagement_id', '=', 'engagements.id')
          .as('revision'),
      )
      .executeTakeFirst(),
    'engagement',
    input.engagementId,
  );
  const key = `assessments\u0000${revision ?? 0}\u0000${actor.userId}\u0000${JSON.stringify(input)}`;
  return cache.get(
    key,
    // Size: its JSON bytes plus the objects behind them (about twice as much).
    (page) => (jsonOfCached(page)?.length ?? 0) * 3,
    () => assessmentPage({ actor, input, tx }),
  );
}

async function assessmentPage({ actor, input, tx }: QueryProps<ListAssessmentsInput>) {
  let query = tx
    .selectFrom('assessments')
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    .where('out_of_scope', input.outOfScope === true ? 'is not' : 'is', null);
  if (input.status !== undefined && input.status.length > 0)
    query = query.where('status', 'in', input.status);
  if (input.assignee === 'none') query = query.where('assignee_id', 'is', null);
  else if (input.assignee !== undefined)
    query = query.where('assignee_id', '=', input.assignee === 'me' ? actor.userId : input.assignee);
  if (input.urnPrefix !== undefined)
    query = query.where('requirement_urn', 'like', `${escapeLike(input.urnPrefix)}%`);
  if (input.q !== undefined) {
    const pattern = `%${escapeLike(input.q)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('observation', 'ilike', pattern),
        eb('interview_notes', 'ilike', pattern),
        eb('requirement_urn', 'ilike', pattern),
      ]),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const descending = input.sort.startsWith('-');
  const column = SORT_COLUMN[input.sort.replace('-', '') as keyof typeof SORT_COLUMN];
  const rows = await query
    .selectAll()
    .orderBy(column, descending ? 'desc' : 'asc')
    .orderBy('requirement_urn')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    items: rows.map(assessmentView),
    page: input.page,
    pageSize: input.pageSize,
    total: Number(total.n),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One assessment of the engagement. */
export async function getAssessment({
  actor,
  input,
  tx,
}: QueryProps<EngagementInput & { readonly assessmentId: string }>): Promise<AssessmentView> {
  authorize(actor, 'assessment.read', input);
  await loadEngagement(tx, actor, input);
  const row = await tx
    .selectFrom('assessments')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    .where('id', '=', input.assessmentId)
    .executeTakeFirst();
  if (row === undefined) throw notFound('assessment', input.assessmentId);
  return assessmentView(row);
}

export interface AssessmentChange {
  readonly id: string;
  /** The version the client edited; a different current version is a conflict. */
  readonly version: number;
  readonly status?: AssessmentStatus | undefined;
  readonly maturity?: number | null | undefined;
  readonly observation?: string | undefined;
  readonly interviewNotes?: string | undefined;
  /** A member of the engagement team, or null to unassign. */
  readonly assigneeId?: string | null | undefined;
}

/** Refuses an assignee outside the engagement team: work goes to people who can see the engagement. */
function checkAssignee(team: readonly string[], change: AssessmentChange, path: string): void {
  const assignee = change.assigneeId;
  if (assignee === undefined || assignee === null || team.includes(assignee)) return;
  throw new DomainError(
    'assessment.assignee_not_in_team',
    `${path}: ${assignee} is not in the engagement team; add them to the team first or choose a team member`,
    { path },
  );
}

function assesses(change: AssessmentChange): boolean {
  return (
    change.status !== undefined ||
    change.maturity !== undefined ||
    change.observation !== undefined ||
    change.interviewNotes !== undefined
  );
}

/** A change ready to write: every column computed from the locked row, as the update statement reads it. */
interface ChangeRow {
  readonly id: string;
  readonly version: number;
  readonly status: AssessmentStatus;
  readonly maturity: number | null;
  readonly observation: string;
  readonly interview_notes: string;
  readonly assignee_id: string | null;
  readonly assessor_id: string | null;
}

function changeRow(actorId: string, before: Assessment, change: AssessmentChange): ChangeRow {
  return {
    id: before.id,
    version: before.version,
    status: change.status ?? before.status,
    maturity: change.maturity === undefined ? before.maturity : change.maturity,
    observation: change.observation ?? before.observation,
    interview_notes: change.interviewNotes ?? before.interview_notes,
    assignee_id: change.assigneeId === undefined ? before.assignee_id : change.assigneeId,
    // Handing out work is not assessing: the assessor stays whoever last judged the requirement.
    assessor_id: assesses(change) ? actorId : before.assessor_id,
  };
}

/** Where a change sits in the request: `changes[i]` in a batch, nothing for the single update (fields named bare). */
type ChangePath = (index: number) => string | undefined;
const fieldPath = (prefix: string | undefined, field: string) =>
  prefix === undefined ? field : `${prefix}.${field}`;

/**
 * Applies changes all or nothing, in a fixed number of statements whatever their count: one `select … for update`
 * of every row (in id order, so two batches over the same rows queue instead of deadlocking), every check in the
 * order of the changes (the first bad change is the error, as if they were applied one by one), one update of all
 * rows, and one audit entry per change, in the order of the changes, appended together.
 */
async function applyChanges(
  { actor, tx }: Pick<CommandProps<unknown>, 'actor' | 'tx'>,
  input: EngagementInput & { readonly team: readonly string[] },
  changes: readonly AssessmentChange[],
  pathOf: ChangePath,
): Promise<AssessmentView[]> {
  const ids = [...new Set(changes.map((c) => c.id))];
  const locked = await tx
    .selectFrom('assessments')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    .where(sql<boolean>`id in (select jsonb_array_elements_text(${json(ids)}::jsonb))`)
    .orderBy('id')
    .forUpdate()
    .execute();
  const rows = new Map(locked.map((row) => [row.id, row]));
  const seen = new Set<string>();
  const writes: ChangeRow[] = [];
  for (const [index, change] of changes.entries()) {
    const path = pathOf(index);
    if (seen.has(change.id))
      throw new DomainError(
        'assessment.duplicate',
        `${fieldPath(path, 'id')}: ${change.id} appears twice in the batch`,
        { path: fieldPath(path, 'id') },
      );
    seen.add(change.id);
    checkAssignee(input.team, change, fieldPath(path, 'assigneeId'));
    const before = rows.get(change.id);
    if (before === undefined) throw notFound('assessment', change.id);
    checkVersion(
      'assessment',
      before,
      change.version,
      assessmentView,
      path === undefined ? {} : { path: fieldPath(path, 'version') },
    );
    if (before.out_of_scope !== null)
      throw new DomainError(
        'assessment.out_of_scope',
        `assessment ${change.id}: requirement ${before.requirement_urn} is out of the engagement's scope since a re-scope (its work is kept read-only); re-scope the engagement to a profile where it applies to edit it again`,
        { kind: 'conflict', details: { current: assessmentView(before) } },
      );
    writes.push(changeRow(actor.userId, before, change));
  }
  // The version test repeats the check above: a row updated by someone else cannot be written over.
  const { rows: updated } = await sql<Assessment>`
    update assessments as a
    set status = v.status, maturity = v.maturity, observation = v.observation,
      interview_notes = v.interview_notes, assignee_id = v.assignee_id, assessor_id = v.assessor_id,
      version = a.version + 1, updated_at = ${new Date()}
    from jsonb_to_recordset(${json(writes)}::jsonb) as v(id text, version integer, status text,
      maturity integer, observation text, interview_notes text, assignee_id text, assessor_id text)
    where a.organisation_id = ${input.organisationId} and a.engagement_id = ${input.engagementId}
      and a.id = v.id and a.version = v.version
    returning a.*`.execute(tx);
  if (updated.length !== writes.length)
    throw new Error(`updated ${updated.length} of ${writes.length} locked assessments`);
  const after = new Map(updated.map((row) => [row.id, assessmentView(row)]));
  const views = changes.map((change) => after.get(change.id) as AssessmentView);
  await appendAuditEntries(
    tx,
    changes.map((change, index) => ({
      organisationId: input.organisationId,
      actorId: actor.userId,
      action: 'assessment.update',
      entityType: 'assessment',
      entityId: change.id,
      before: assessmentView(rows.get(change.id) as Assessment),
      after: views[index],
    })),
  );
  return views;
}

/** Updates one assessment if nobody changed it since `version` was read; 409 with the current state otherwise. */
export async function updateAssessment({
  actor,
  input,
  tx,
}: CommandProps<EngagementInput & { readonly change: AssessmentChange }>): Promise<AssessmentView> {
  authorize(actor, 'assessment.update', input);
  const { team } = await loadEngagement(tx, actor, input);
  const [view] = await applyChanges({ actor, tx }, { ...input, team }, [input.change], () => undefined);
  return view as AssessmentView;
}

/**
 * Updates many assessments all or nothing: one stale version, unknown id, out-of-scope assessment, duplicate or
 * assignee outside the team rolls the whole batch back, and the error names the first such change (`changes[i]`).
 */
export async function bulkUpdateAssessments({
  actor,
  input,
  tx,
}: CommandProps<EngagementInput & { readonly changes: readonly AssessmentChange[] }>): Promise<
  AssessmentView[]
> {
  authorize(actor, 'assessment.update', input);
  const { team } = await loadEngagement(tx, actor, input);
  return applyChanges({ actor, tx }, { ...input, team }, input.changes, (index) => `changes[${index}]`);
}
