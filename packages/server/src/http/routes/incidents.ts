import { z } from 'zod';
import { incidentImpactSchema } from '@mica-audit/core';
import { inTransaction } from '../../commands/context.ts';
import { createIncident, getIncident, listIncidents, updateIncident } from '../../commands/incidents.ts';
import { route, type AnyRoute } from '../route.ts';
import { engagementParams, page } from './common.ts';

const instant = z.iso.datetime({ offset: true });
const fields = {
  title: z.string().trim().min(1).max(500),
  status: z.enum(['open', 'closed']),
  occurredAt: instant,
  awareAt: instant,
  classifiedAt: instant.nullable().optional(),
  initialSentAt: instant.nullable().optional(),
  intermediateSentAt: instant.nullable().optional(),
  finalSentAt: instant.nullable().optional(),
  impact: incidentImpactSchema,
};
const incidentParams = engagementParams.extend({ incidentId: z.string().min(1) });
const base = '/api/organisations/:organisationId/engagements/:engagementId/incidents';

/** The ICT incident register: DORA classification (2024/1772) and reporting deadlines (2025/301) with each incident. */
export function incidentRoutes(): AnyRoute[] {
  return [
    route({
      method: 'GET',
      url: base,
      summary:
        "The engagement's incidents with DORA classification, deadlines and report statuses, paginated",
      tag: 'incidents',
      params: engagementParams,
      query: z.strictObject(page),
      handler: ({ actor, params, query }, { db }) =>
        listIncidents({ actor, input: { ...params, ...query }, tx: db }),
    }),
    route({
      method: 'GET',
      url: `${base}/:incidentId`,
      summary: 'One incident with its classification, deadlines and version',
      tag: 'incidents',
      params: incidentParams,
      handler: ({ actor, params }, { db }) => getIncident({ actor, input: params, tx: db }),
    }),
    route({
      method: 'POST',
      url: base,
      summary: 'Record an ICT incident; it is classified against Delegated Regulation (EU) 2024/1772',
      tag: 'incidents',
      status: 201,
      params: engagementParams,
      body: z.strictObject({ ...fields, status: fields.status.default('open') }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => createIncident({ actor, input: { ...params, fields: body }, tx })),
    }),
    route({
      method: 'PATCH',
      url: `${base}/:incidentId`,
      summary:
        'Update an incident; send the version you edited (a stale one gets 409 with the current state)',
      tag: 'incidents',
      params: incidentParams,
      body: z
        .strictObject(fields)
        .partial()
        .extend({ version: z.number().int().min(1) }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => {
          const { version, ...changes } = body;
          return updateIncident({ actor, input: { ...params, version, changes }, tx });
        }),
    }),
  ];
}
