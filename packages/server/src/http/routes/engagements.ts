import { z } from 'zod';
import { inTransaction } from '../../commands/context.ts';
import { updateEngagement } from '../../commands/engagement-update.ts';
import {
  createEngagement,
  getEngagement,
  listEngagements,
  PHASES,
  scopeEngagement,
} from '../../commands/engagements.ts';
import { applyRescope, previewRescope } from '../../commands/rescope.ts';
import { route, type AnyRoute } from '../route.ts';
import { engagementParams, isoDate, orgParams } from './common.ts';

/** Engagements (one audit of one entity) and their scoping. */
export function engagementRoutes(): AnyRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/engagements',
      cached: true,
      summary: 'Engagements, newest first',
      tag: 'engagements',
      params: orgParams,
      handler: ({ actor, params }, { db }) => listEngagements({ actor, input: params, tx: db }),
    }),
    route({
      method: 'POST',
      url: '/api/organisations/:organisationId/engagements',
      summary: 'Open an engagement: snapshot the profile, pin the catalogue, create the assessments',
      tag: 'engagements',
      status: 201,
      params: orgParams,
      body: z.strictObject({
        entityId: z.string().min(1),
        name: z.string().min(1).max(300),
        profile: z.record(z.string(), z.unknown()).optional(),
        startDate: isoDate.optional(),
        endDate: isoDate.optional(),
        team: z.array(z.string().min(1)).max(200).optional(),
      }),
      handler: ({ actor, params, body }, { db, catalogue }) =>
        inTransaction(db, (tx) => createEngagement({ actor, input: { ...params, ...body }, tx, catalogue })),
    }),
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/engagements/:engagementId',
      cached: true,
      summary: 'One engagement: profile snapshot, pinned catalogue, assessment counts, your permissions',
      tag: 'engagements',
      params: engagementParams,
      handler: ({ actor, params }, { db }) => getEngagement({ actor, input: params, tx: db }),
    }),
    route({
      method: 'PATCH',
      url: '/api/organisations/:organisationId/engagements/:engagementId',
      summary:
        'Change name, phase, dates or team; send the version you edited (stale → 409 with the current state)',
      tag: 'engagements',
      params: engagementParams,
      body: z.strictObject({
        version: z.number().int().min(1),
        name: z.string().min(1).max(300).optional(),
        phase: z.enum(PHASES).optional(),
        startDate: isoDate.nullable().optional(),
        endDate: isoDate.nullable().optional(),
        team: z.array(z.string().min(1)).max(200).optional(),
      }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => updateEngagement({ actor, input: { ...params, change: body }, tx })),
    }),
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/engagements/:engagementId/rescope',
      summary:
        'Preview re-scoping to an entity profile version (latest by default): requirements added and removed, with reasons',
      tag: 'engagements',
      params: engagementParams,
      query: z.strictObject({
        lang: z.enum(['en', 'fr']).default('en'),
        profileVersion: z.coerce.number().int().min(1).optional(),
      }),
      handler: ({ actor, params, query }, { db, catalogue }) =>
        previewRescope({ actor, input: { ...params, ...query }, tx: db, catalogue }),
    }),
    route({
      method: 'POST',
      url: '/api/organisations/:organisationId/engagements/:engagementId/rescope',
      summary:
        'Apply a re-scope: new profile snapshot and catalogue pins, new assessments, no-longer-applicable ones kept out of scope',
      tag: 'engagements',
      params: engagementParams,
      body: z.strictObject({
        version: z.number().int().min(1),
        profileVersion: z.number().int().min(1).optional(),
      }),
      handler: ({ actor, params, body }, { db, catalogue }) =>
        inTransaction(db, (tx) => applyRescope({ actor, input: { ...params, ...body }, tx, catalogue })),
    }),
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/engagements/:engagementId/scoping',
      cached: true,
      summary: "Run scoping on the engagement's profile: every requirement, applicable or not, with reasons",
      tag: 'engagements',
      params: engagementParams,
      query: z.strictObject({ lang: z.enum(['en', 'fr']).default('en') }),
      handler: ({ actor, params, query }, { db, catalogue }) =>
        scopeEngagement({ actor, input: { ...params, ...query }, tx: db, catalogue }),
    }),
  ];
}
