import { z } from 'zod';
import { inTransaction } from '../../commands/context.ts';
import { addMember, listMembers, removeMember, updateMemberRole } from '../../commands/members.ts';
import { createOrganisation, getOrganisation, listOrganisations } from '../../commands/organisations.ts';
import { route, type AnyRoute } from '../route.ts';
import { orgParams, role } from './common.ts';

/** Organisations (tenants) and their members. */
export function organisationRoutes(): AnyRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/organisations',
      summary: 'The organisations you belong to',
      tag: 'organisations',
      handler: ({ actor }, { db }) => listOrganisations({ actor, input: undefined, tx: db }),
    }),
    route({
      method: 'POST',
      url: '/api/organisations',
      summary: 'Create an organisation; you become its administrator',
      tag: 'organisations',
      status: 201,
      body: z.strictObject({ name: z.string().min(1).max(200) }),
      handler: ({ actor, body }, { db }) =>
        inTransaction(db, (tx) => createOrganisation({ actor, input: body, tx })),
    }),
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId',
      summary: 'One organisation, with your role and permissions',
      tag: 'organisations',
      params: orgParams,
      handler: ({ actor, params }, { db }) => getOrganisation({ actor, input: params, tx: db }),
    }),
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/members',
      summary: 'Members and their roles',
      tag: 'members',
      params: orgParams,
      handler: ({ actor, params }, { db }) => listMembers({ actor, input: params, tx: db }),
    }),
    route({
      method: 'POST',
      url: '/api/organisations/:organisationId/members',
      summary: 'Add a member (creates the user when the email is new)',
      tag: 'members',
      status: 201,
      params: orgParams,
      body: z.strictObject({
        email: z.email(),
        name: z.string().min(1).max(200),
        role,
        password: z.string().min(12).max(1000).optional(),
      }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => addMember({ actor, input: { ...params, ...body }, tx })),
    }),
    route({
      method: 'PATCH',
      url: '/api/organisations/:organisationId/members/:userId',
      summary: "Change a member's role",
      tag: 'members',
      params: orgParams.extend({ userId: z.string().min(1) }),
      body: z.strictObject({ role }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => updateMemberRole({ actor, input: { ...params, ...body }, tx })),
    }),
    route({
      method: 'DELETE',
      url: '/api/organisations/:organisationId/members/:userId',
      summary: 'Remove a member (their account stays)',
      tag: 'members',
      status: 204,
      params: orgParams.extend({ userId: z.string().min(1) }),
      handler: async ({ actor, params, reply }, { db }) => {
        await inTransaction(db, (tx) => removeMember({ actor, input: params, tx }));
        return reply.status(204).send();
      },
    }),
  ];
}
