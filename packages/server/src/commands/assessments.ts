import { DomainError, authorize } from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import type { Assessment, AssessmentStatus } from '../db/schema.ts';
import type { CommandProps, InOrganisation, QueryProps } from './context.ts';
import { loadEngagement, type EngagementInput } from './engagements.ts';
import { notFound } from './context.ts';

export interface AssessmentView {
  readonly id: string;
  readonly engagementId: string;
  readonly requirementUrn: string;
  readonly status: AssessmentStatus;
  readonly maturity: number | null;
  readonly observation: string;
  readonly interviewNotes: string;
  readonly assessorId: string | null;
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
  readonly sort: (typeof ASSESSMENT_SORTS)[number];
  readonly page: number;
  readonly pageSize: number;
}

/** One page of an engagement's assessments, filtered and sorted, with the total count for pagination. */
export async function listAssessments({ actor, input, tx }: QueryProps<ListAssessmentsInput>) {
  authorize(actor, 'assessment.read', input);
  await loadEngagement(tx, input.organisationId, input.engagementId);
  let query = tx
    .selectFrom('assessments')
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId);
  if (input.status !== undefined && input.status.length > 0)
    query = query.where('status', 'in', input.status);
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
  const after = await tx
    .updateTable('assessments')
    .set({
      status: change.status ?? before.status,
      maturity: change.maturity === undefined ? before.maturity : change.maturity,
      observation: change.observation ?? before.observation,
      interview_notes: change.interviewNotes ?? before.interview_notes,
      assessor_id: actor.userId,
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
  await loadEngagement(tx, input.organisationId, input.engagementId);
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
  await loadEngagement(tx, input.organisationId, input.engagementId);
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
    out.push(await applyChange({ actor, tx }, input, change));
  }
  return out;
}
