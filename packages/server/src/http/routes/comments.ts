import { z } from 'zod';
import { COMMENT_TARGETS, createComment, listComments } from '../../commands/comments.ts';
import { inTransaction } from '../../commands/context.ts';
import { route, type AnyRoute } from '../route.ts';
import { orgParams } from './common.ts';

const target = orgParams.extend({ targetType: z.enum(COMMENT_TARGETS), targetId: z.string().min(1) });

/** Comments on engagements, assessments, evidence, findings, risks and actions. */
export function commentRoutes(): AnyRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/comments/:targetType/:targetId',
      summary: 'Comments on one item, oldest first',
      tag: 'comments',
      params: target,
      handler: ({ actor, params }, { db }) => listComments({ actor, input: params, tx: db }),
    }),
    route({
      method: 'POST',
      url: '/api/organisations/:organisationId/comments/:targetType/:targetId',
      summary: 'Comment on one item',
      tag: 'comments',
      status: 201,
      params: target,
      body: z.strictObject({ body: z.string().trim().min(1).max(20_000) }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => createComment({ actor, input: { ...params, ...body }, tx })),
    }),
  ];
}
