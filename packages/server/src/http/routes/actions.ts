import { z } from 'zod';
import { ACTION_STATUSES, EFFORTS } from '@mica-audit/core';
import {
  actionMatrix,
  actionTimeline,
  changeActionPlan,
  generateActionPlan,
  getActionPlan,
} from '../../commands/actions.ts';
import { inTransaction, type QueryProps } from '../../commands/context.ts';
import type { EngagementInput } from '../../commands/engagements.ts';
import { route, type AnyRoute } from '../route.ts';
import { engagementParams } from './common.ts';

const base = '/api/organisations/:organisationId/engagements/:engagementId/action-plan';
const version = z.number().int().min(1);
const itemId = z.string().min(1).max(2000);
const patch = {
  title: z.string().trim().min(1).max(500).optional(),
  priority: z.number().int().min(0).max(100).optional(),
  effort: z.enum(EFFORTS).optional(),
  owner: z.string().trim().min(1).nullable().optional(),
  dueDate: z.iso.date().optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  dependencies: z.array(itemId).max(200).optional(),
};

/** The action plan: generate or regenerate (edits kept), edit, merge, split, impact/effort matrix and timeline. */
export function actionRoutes(): AnyRoute[] {
  const read = (
    url: string,
    summary: string,
    handler: (props: QueryProps<EngagementInput>) => Promise<unknown>,
  ) =>
    route({
      method: 'GET',
      url,
      summary,
      tag: 'actions',
      params: engagementParams,
      handler: ({ actor, params }, { db }) => handler({ actor, input: params, tx: db }),
    });
  return [
    read(
      base,
      "The engagement's action plan with its version (0 and no items before generation)",
      getActionPlan,
    ),
    read(`${base}/matrix`, 'Impact/effort matrix cells of the open items', actionMatrix),
    read(`${base}/timeline`, 'Timeline bars: start, due date, dependencies, conflicts', actionTimeline),
    route({
      method: 'POST',
      url: `${base}/generate`,
      summary:
        'Generate the plan from gaps, open findings and risks above appetite, or regenerate it keeping every human edit',
      tag: 'actions',
      params: engagementParams,
      body: z.strictObject({}),
      handler: ({ actor, params }, { db, catalogue }) =>
        inTransaction(db, (tx) => generateActionPlan({ actor, input: params, tx, catalogue })),
    }),
    route({
      method: 'PATCH',
      url: `${base}/items/:itemId`,
      summary: "Edit an item; send the plan's version (a stale one gets 409 with the current plan)",
      tag: 'actions',
      params: engagementParams.extend({ itemId }),
      body: z.strictObject({ version, ...patch }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => {
          const { version: v, dueDate, ...rest } = body;
          const change = {
            ...rest,
            ...(dueDate === undefined ? {} : { dueDate: new Date(`${dueDate}T00:00:00Z`) }),
          };
          const { itemId: id, ...engagement } = params;
          return changeActionPlan({
            actor,
            input: { ...engagement, version: v, change: { op: 'edit', id, patch: change } },
            tx,
          });
        }),
    }),
    route({
      method: 'POST',
      url: `${base}/merge`,
      summary: 'Merge items that share one remedy into one',
      tag: 'actions',
      params: engagementParams,
      body: z.strictObject({
        version,
        ids: z.array(itemId).min(2).max(100),
        title: z.string().trim().min(1).max(500).optional(),
        id: itemId.optional(),
      }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) =>
          changeActionPlan({
            actor,
            input: {
              ...params,
              version: body.version,
              change: { op: 'merge', ids: body.ids, title: body.title, newId: body.id },
            },
            tx,
          }),
        ),
    }),
    route({
      method: 'POST',
      url: `${base}/split`,
      summary: 'Split an item: each part takes some of its sources (`kind:id`)',
      tag: 'actions',
      params: engagementParams,
      body: z.strictObject({
        version,
        id: itemId,
        parts: z
          .array(
            z.strictObject({
              id: itemId.optional(),
              title: z.string().trim().min(1).max(500).optional(),
              sources: z.array(z.string().min(1)).min(1),
            }),
          )
          .min(2)
          .max(50),
      }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) =>
          changeActionPlan({
            actor,
            input: {
              ...params,
              version: body.version,
              change: {
                op: 'split',
                id: body.id,
                parts: body.parts.map((p) => ({
                  sources: p.sources,
                  ...(p.id === undefined ? {} : { id: p.id }),
                  ...(p.title === undefined ? {} : { title: p.title }),
                })),
              },
            },
            tx,
          }),
        ),
    }),
  ];
}
