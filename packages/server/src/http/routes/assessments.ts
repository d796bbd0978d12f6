import { z } from 'zod';
import {
  ASSESSMENT_SORTS,
  bulkUpdateAssessments,
  getAssessment,
  listAssessments,
  updateAssessment,
} from '../../commands/assessments.ts';
import { inTransaction } from '../../commands/context.ts';
import { route, type AnyRoute } from '../route.ts';
import { engagementParams, page } from './common.ts';

const status = z.enum([
  'compliant',
  'partially-compliant',
  'non-compliant',
  'not-applicable',
  'not-assessed',
]);
const changeFields = {
  version: z.number().int().min(1),
  status: status.optional(),
  maturity: z.number().int().min(0).max(5).nullable().optional(),
  observation: z.string().max(20_000).optional(),
  interviewNotes: z.string().max(50_000).optional(),
  /** A member of the engagement team, or null to unassign. */
  assigneeId: z.string().min(1).max(200).nullable().optional(),
};

/** Requirement assessments of an engagement: list, single and bulk update with optimistic concurrency. */
export function assessmentRoutes(): AnyRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/engagements/:engagementId/assessments',
      cached: true,
      summary: 'Assessments, filtered (status, urnPrefix, q, assignee), sorted and paginated',
      tag: 'assessments',
      params: engagementParams,
      query: z.strictObject({
        status: z
          .string()
          .optional()
          .transform((s) => (s === undefined || s === '' ? undefined : s.split(',')))
          .pipe(z.array(status).optional()),
        urnPrefix: z.string().max(300).optional(),
        q: z.string().max(300).optional(),
        /** A user id, `me` (the caller) or `none` (unassigned). */
        assignee: z.string().min(1).max(200).optional(),
        /** `true`: the assessments a re-scope took out of scope (their work is kept), instead of the applicable ones. */
        outOfScope: z
          .enum(['true', 'false'])
          .optional()
          .transform((v) => v === 'true'),
        sort: z.enum(ASSESSMENT_SORTS).default('urn'),
        ...page,
      }),
      handler: ({ actor, params, query }, { db }) =>
        listAssessments({ actor, input: { ...params, ...query }, tx: db }),
    }),
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/engagements/:engagementId/assessments/:assessmentId',
      cached: true,
      summary: 'One assessment, with the version to send back when editing it',
      tag: 'assessments',
      params: engagementParams.extend({ assessmentId: z.string().min(1) }),
      handler: ({ actor, params }, { db }) => getAssessment({ actor, input: params, tx: db }),
    }),
    route({
      method: 'PATCH',
      url: '/api/organisations/:organisationId/engagements/:engagementId/assessments/:assessmentId',
      summary:
        'Update one assessment; send the version you edited (a stale one gets 409 with the current state)',
      tag: 'assessments',
      params: engagementParams.extend({ assessmentId: z.string().min(1) }),
      body: z.strictObject(changeFields),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) =>
          updateAssessment({ actor, input: { ...params, change: { ...body, id: params.assessmentId } }, tx }),
        ),
    }),
    route({
      method: 'PATCH',
      url: '/api/organisations/:organisationId/engagements/:engagementId/assessments',
      summary: 'Update many assessments at once, all or nothing',
      tag: 'assessments',
      params: engagementParams,
      body: z.strictObject({
        changes: z
          .array(z.strictObject({ id: z.string().min(1), ...changeFields }))
          .min(1)
          .max(1000),
      }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) =>
          bulkUpdateAssessments({ actor, input: { ...params, changes: body.changes }, tx }),
        ),
    }),
  ];
}
