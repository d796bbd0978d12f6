import { z } from 'zod';
import { FINDING_STATUSES, SEVERITIES, AUDIT_TYPES } from '@mica-audit/importers';
import { inTransaction } from '../../commands/context.ts';
import {
  FINDING_SORTS,
  findingFacets,
  getFinding,
  listFindings,
  setFindingLink,
  setFindingStatus,
} from '../../commands/findings.ts';
import { route, type AnyRoute } from '../route.ts';
import { engagementParams, page } from './common.ts';

const findingParams = engagementParams.extend({ findingId: z.string().min(1) });
const urn = z.string().min(5).max(300).startsWith('urn:');

/** `a,b,c` → a list of allowed values. */
function list<T extends string>(values: readonly [T, ...T[]]) {
  return z
    .string()
    .transform((s) => s.split(',').filter((v) => v !== ''))
    .pipe(z.array(z.enum(values)).min(1));
}

/** Findings: filtered listing, status changes with history, requirement links. */
export function findingRoutes(): AnyRoute[] {
  const base = '/api/organisations/:organisationId/engagements/:engagementId/findings';
  return [
    route({
      method: 'GET',
      url: base,
      cached: true,
      summary:
        'The engagement findings, filtered by tool, severity, audit type, status, asset, requirement or words of the title (`q`), sorted by `sort` (`-` for descending)',
      tag: 'findings',
      params: engagementParams,
      query: z.strictObject({
        ...page,
        tool: z.string().min(1).max(200).optional(),
        severity: list(SEVERITIES).optional(),
        auditType: list(AUDIT_TYPES).optional(),
        status: list(FINDING_STATUSES).optional(),
        asset: z.string().min(1).max(2000).optional(),
        requirementUrn: urn.optional(),
        q: z.string().max(200).optional(),
        sort: z.enum(FINDING_SORTS).optional(),
      }),
      handler: ({ actor, params, query }, { db }) =>
        listFindings({ actor, input: { ...params, ...query }, tx: db }),
    }),
    route({
      method: 'GET',
      url: `${base}/facets`,
      cached: true,
      summary:
        'The tools, severities, audit types, statuses and assets of the findings, with counts (filter choices)',
      tag: 'findings',
      params: engagementParams,
      handler: ({ actor, params }, { db }) => findingFacets({ actor, input: params, tx: db }),
    }),
    route({
      method: 'GET',
      url: `${base}/:findingId`,
      summary: 'One finding with its status history and requirement links',
      tag: 'findings',
      params: findingParams,
      handler: ({ actor, params }, { db }) => getFinding({ actor, input: params, tx: db }),
    }),
    route({
      method: 'PATCH',
      url: `${base}/:findingId`,
      summary: 'Set the status of a finding (accepted, false-positive, fixed, open) at the version you saw',
      tag: 'findings',
      params: findingParams,
      body: z.strictObject({
        version: z.number().int().min(1),
        status: z.enum(FINDING_STATUSES),
        reason: z.string().min(1).max(2000).optional(),
      }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => setFindingStatus({ actor, input: { ...params, ...body }, tx })),
    }),
    route({
      method: 'POST',
      url: `${base}/:findingId/requirements`,
      summary: 'Link the finding to a requirement it is evidence against',
      tag: 'findings',
      params: findingParams,
      body: z.strictObject({ requirementUrn: urn }),
      handler: ({ actor, params, body }, { db, catalogue }) =>
        inTransaction(db, (tx) =>
          setFindingLink({ actor, input: { ...params, ...body, link: true }, tx, catalogue }),
        ),
    }),
    route({
      method: 'DELETE',
      url: `${base}/:findingId/requirements`,
      summary: 'Unlink the finding from a requirement',
      tag: 'findings',
      params: findingParams,
      query: z.strictObject({ requirementUrn: urn }),
      handler: ({ actor, params, query }, { db, catalogue }) =>
        inTransaction(db, (tx) =>
          setFindingLink({ actor, input: { ...params, ...query, link: false }, tx, catalogue }),
        ),
    }),
  ];
}
