import { randomUUID } from 'node:crypto';
import { authorize, type Actor } from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { engagementRowVisible, reachCondition } from './engagement-access.ts';
import { notFound, type CommandProps, type InOrganisation, type QueryProps } from './context.ts';

/** What a comment can be about; each kind is looked up in its own tenant-filtered table. */
export const COMMENT_TARGETS = ['engagement', 'assessment', 'evidence', 'finding', 'risk', 'action'] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];

const TABLE = {
  engagement: 'engagements',
  assessment: 'assessments',
  evidence: 'evidence',
  finding: 'findings',
  risk: 'risks',
  action: 'actions',
} as const;

export interface CommentView {
  readonly id: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly authorId: string;
  readonly body: string;
  readonly createdAt: string;
}

type TargetInput = InOrganisation & { readonly targetType: CommentTarget; readonly targetId: string };

// The target must be the organisation's and, for a team-bound actor, belong to an engagement of their team.
async function assertTarget(tx: QueryProps<unknown>['tx'], actor: Actor, input: TargetInput): Promise<void> {
  const table = TABLE[input.targetType];
  const row = await tx
    .selectFrom(table)
    .select('id')
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', input.targetId)
    .where(
      table === 'engagements'
        ? reachCondition(actor, input.organisationId)
        : engagementRowVisible(tx, actor, input.organisationId, `${table}.engagement_id`),
    )
    .executeTakeFirst();
  if (row === undefined) throw notFound(input.targetType, input.targetId);
}

/** Adds a comment to something of the organisation. */
export async function createComment({
  actor,
  input,
  tx,
}: CommandProps<TargetInput & { readonly body: string }>): Promise<CommentView> {
  authorize(actor, 'comment.create', input);
  await assertTarget(tx, actor, input);
  const row = await tx
    .insertInto('comments')
    .values({
      id: randomUUID(),
      organisation_id: input.organisationId,
      target_type: input.targetType,
      target_id: input.targetId,
      author_id: actor.userId,
      body: input.body,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const view: CommentView = {
    id: row.id,
    targetType: row.target_type,
    targetId: row.target_id,
    authorId: row.author_id,
    body: row.body,
    createdAt: row.created_at.toISOString(),
  };
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'comment.create',
    entityType: 'comment',
    entityId: row.id,
    before: null,
    after: view,
  });
  return view;
}

/** The comments on one target, oldest first. */
export async function listComments({ actor, input, tx }: QueryProps<TargetInput>): Promise<CommentView[]> {
  authorize(actor, 'comment.read', input);
  await assertTarget(tx, actor, input);
  const rows = await tx
    .selectFrom('comments')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('target_type', '=', input.targetType)
    .where('target_id', '=', input.targetId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    targetType: row.target_type,
    targetId: row.target_id,
    authorId: row.author_id,
    body: row.body,
    createdAt: row.created_at.toISOString(),
  }));
}
