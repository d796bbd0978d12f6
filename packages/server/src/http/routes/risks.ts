import { z } from 'zod';
import { TREATMENTS, riskMatrixSchema } from '@mica-audit/core';
import { inTransaction } from '../../commands/context.ts';
import { createRisk, deleteRisk, getRisk, listRisks, riskHeatMap, updateRisk } from '../../commands/risks.ts';
import { getRiskMatrix, setRiskMatrix } from '../../commands/risks-matrix.ts';
import { route, type AnyRoute } from '../route.ts';
import { engagementParams, page } from './common.ts';

const level = z.number().int().min(1).max(10);
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

const fields = {
  title: z.string().trim().min(1).max(500),
  assetIds: z.array(z.string().min(1)).min(1, 'name at least one asset the risk bears on').max(200),
  threat: z.string().trim().min(1).max(2000),
  vulnerabilities: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(100).optional(),
        description: z.string().trim().min(1).max(2000),
        findingIds: z.array(z.string().min(1)).max(500).default([]),
        failedRequirementUrns: z.array(z.string().min(1)).max(500).default([]),
      }),
    )
    .max(100),
  likelihood: level,
  impact: level,
  residual: z.strictObject({ likelihood: level, impact: level }).nullable().optional(),
  controlEffectiveness: z.number().min(0).max(100).nullable().optional(),
  treatment: z.enum(TREATMENTS),
  acceptance: z
    .strictObject({
      by: z.string().trim().min(1, 'required: who signed the acceptance'),
      at: instant,
      rationale: z.string().trim().min(1, 'required: why the risk is accepted').max(5000),
    })
    .nullable()
    .optional(),
  ownerId: z.string().min(1).nullable(),
  nextReviewAt: instant,
};

const riskParams = engagementParams.extend({ riskId: z.string().min(1) });
const base = '/api/organisations/:organisationId/engagements/:engagementId/risks';

/** The risk register: list with core's ratings, heat map, create, update and delete with optimistic concurrency. */
export function riskRoutes(): AnyRoute[] {
  return [
    route({
      method: 'GET',
      url: base,
      summary:
        "The engagement's risks with inherent and residual ratings, appetite and overdue flags, paginated",
      tag: 'risks',
      params: engagementParams,
      query: z.strictObject({ aboveAppetite: flag, overdue: flag, ...page }),
      handler: ({ actor, params, query }, { db }) =>
        listRisks({ actor, input: { ...params, ...query }, tx: db }),
    }),
    route({
      method: 'GET',
      url: `${base}/heat-map`,
      summary: 'Heat-map cells (likelihood × impact) for inherent and residual ratings',
      tag: 'risks',
      params: engagementParams,
      handler: ({ actor, params }, { db }) => riskHeatMap({ actor, input: params, tx: db }),
    }),
    route({
      method: 'GET',
      url: `${base}/matrix`,
      summary: "The register's likelihood × impact matrix and appetite (core's default 5×5 unless set)",
      tag: 'risks',
      params: engagementParams,
      handler: ({ actor, params }, { db }) => getRiskMatrix({ actor, input: params, tx: db }),
    }),
    route({
      method: 'PUT',
      url: `${base}/matrix`,
      summary: 'Set the matrix and appetite (null: the default); every risk must still rate on it',
      tag: 'risks',
      params: engagementParams,
      body: z.strictObject({
        matrix: riskMatrixSchema.nullable(),
        appetite: z.number().int().min(0).max(100).nullable(),
      }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => setRiskMatrix({ actor, input: { ...params, ...body }, tx })),
    }),
    route({
      method: 'GET',
      url: `${base}/:riskId`,
      summary: 'One risk with its ratings and the version to send back when editing it',
      tag: 'risks',
      params: riskParams,
      handler: ({ actor, params }, { db }) => getRisk({ actor, input: params, tx: db }),
    }),
    route({
      method: 'POST',
      url: base,
      summary: "Add a risk to the register ('accept' needs acceptance { by, at, rationale })",
      tag: 'risks',
      status: 201,
      params: engagementParams,
      body: z.strictObject({ ...fields, vulnerabilities: fields.vulnerabilities.default([]) }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => createRisk({ actor, input: { ...params, fields: body }, tx })),
    }),
    route({
      method: 'PATCH',
      url: `${base}/:riskId`,
      summary: 'Update a risk; send the version you edited (a stale one gets 409 with the current state)',
      tag: 'risks',
      params: riskParams,
      body: z
        .strictObject(fields)
        .partial()
        .extend({ version: z.number().int().min(1) }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => {
          const { version, ...changes } = body;
          return updateRisk({ actor, input: { ...params, version, changes }, tx });
        }),
    }),
    route({
      method: 'DELETE',
      url: `${base}/:riskId`,
      summary: 'Delete a risk; with ?version=, only if nobody changed it since',
      tag: 'risks',
      params: riskParams,
      query: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
      handler: ({ actor, params, query }, { db }) =>
        inTransaction(db, (tx) => deleteRisk({ actor, input: { ...params, ...query }, tx })),
    }),
  ];
}
