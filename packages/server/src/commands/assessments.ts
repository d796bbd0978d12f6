import { DomainError, authorize } from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import type { Assessment, AssessmentStatus, OutOfScope } from '../db/schema.ts';
import type { CommandProps, InOrganisation, QueryProps } from './context.ts';
import { loadEngagement, visibleEngagement, type EngagementInput } from './engagements.ts';
import { found, notFound } from './context.ts';
import { jsonOfCached, readCacheOf } from './read-cache.ts';

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

async function applyChange(
  { actor, tx }: Pick<CommandProps<unknown>, 'actor' | 'tx'>,
  input: InOrganisation & { readonly engagementId: string },
  change: AssessmentChange,
): Promise<AssessmentView> {
  const before = await tx
    .selectFrom('assessments')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    .where('id', '=', change.id)
    .forUpdate()
    .executeTakeFirst();
  if (before === undefined) throw notFound('assessment', change.id);
  if (before.version !== change.version)
    throw new DomainError(
      'assessment.version_conflict',
      `assessment ${change.id} was changed by someone else (version ${before.version}, you edited ${change.version}): reload it, reapply your change and save again`,
      { kind: 'conflict', details: { current: assessmentView(before) } },
    );
  if (before.out_of_scope !== null)
    throw new DomainError(
      'assessment.out_of_scope',
      `assessment ${change.id}: requirement ${before.requirement_urn} is out of the engagement's scope since a re-scope (its work is kept read-only); re-scope the engagement to a profile where it applies to edit it again`,
      { kind: 'conflict', details: { current: assessmentView(before) } },
    );
  const after = await tx
    .updateTable('assessments')
    .set({
      status: change.status ?? before.status,
      maturity: change.maturity === undefined ? before.maturity : change.maturity,
      observation: change.observation ?? before.observation,
      interview_notes: change.interviewNotes ?? before.interview_notes,
      assignee_id: change.assigneeId === undefined ? before.assignee_id : change.assigneeId,
      // Handing out work is not assessing: the assessor stays whoever last judged the requirement.
      assessor_id: assesses(change) ? actor.userId : before.assessor_id,
      version: before.version + 1,
      updated_at: new Date(),
    })
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', change.id)
    .where('version', '=', change.version)
    .returningAll()
    .executeTakeFirstOrThrow();
  const afterView = assessmentView(after);
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'assessment.update',
    entityType: 'assessment',
    entityId: change.id,
    before: assessmentView(before),
    after: afterView,
  });
  return afterView;
}

/** Updates one assessment if nobody changed it since `version` was read; 409 with the current state otherwise. */
export async function updateAssessment({
  actor,
  input,
  tx,
}: CommandProps<EngagementInput & { readonly change: AssessmentChange }>): Promise<AssessmentView> {
  authorize(actor, 'assessment.update', input);
  const engagement = await loadEngagement(tx, actor, input);
  checkAssignee(engagement.team, input.change, 'assigneeId');
  return applyChange({ actor, tx }, input, input.change);
}

/** Updates many assessments all or nothing: one stale version or unknown id rolls the whole batch back. */
export async function bulkUpdateAssessments({
  actor,
  input,
  tx,
}: CommandProps<EngagementInput & { readonly changes: readonly AssessmentChange[] }>): Promise<
  AssessmentView[]
> {
  authorize(actor, 'assessment.update', input);
  const engagement = await loadEngagement(tx, actor, input);
  const seen = new Set<string>();
  const out: AssessmentView[] = [];
  for (const [index, change] of input.changes.entries()) {
    if (seen.has(change.id))
      throw new DomainError(
        'assessment.duplicate',
        `changes[${index}].id: ${change.id} appears twice in the batch`,
        {
          path: `changes[${index}].id`,
        },
      );
    seen.add(change.id);
    checkAssignee(engagement.team, change, `changes[${index}].assigneeId`);
    out.push(await applyChange({ actor, tx }, input, change));
  }
  return out;
}
