import { z } from 'zod';
import { inTransaction } from '../../commands/context.ts';
import { createEntity, getEntity, listEntities, updateEntityProfile } from '../../commands/entities.ts';
import { route, type AnyRoute } from '../route.ts';
import { orgParams } from './common.ts';

const entityParams = orgParams.extend({ entityId: z.string().min(1) });
// The profile itself is validated by core's parseProfile, which names every bad field.
const profileBody = z.strictObject({ profile: z.record(z.string(), z.unknown()) });

/** Client entities and their profile history. */
export function entityRoutes(): AnyRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/entities',
      summary: 'Client entities',
      tag: 'entities',
      params: orgParams,
      handler: ({ actor, params }, { db }) => listEntities({ actor, input: params, tx: db }),
    }),
    route({
      method: 'POST',
      url: '/api/organisations/:organisationId/entities',
      summary: 'Create a client entity from its profile',
      tag: 'entities',
      status: 201,
      params: orgParams,
      body: profileBody,
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => createEntity({ actor, input: { ...params, profile: body.profile }, tx })),
    }),
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/entities/:entityId',
      summary: 'One entity with its latest profile',
      tag: 'entities',
      params: entityParams,
      handler: ({ actor, params }, { db }) => getEntity({ actor, input: params, tx: db }),
    }),
    route({
      method: 'PUT',
      url: '/api/organisations/:organisationId/entities/:entityId/profile',
      summary: 'Record a new version of the entity profile',
      tag: 'entities',
      params: entityParams,
      body: profileBody,
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) =>
          updateEntityProfile({ actor, input: { ...params, profile: body.profile }, tx }),
        ),
    }),
  ];
}
