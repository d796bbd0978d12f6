import { z } from 'zod';
import { inTransaction } from '../../commands/context.ts';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  revokeInvitation,
} from '../../commands/invitations.ts';
import { route, type AnyRoute } from '../route.ts';
import { orgParams, role } from './common.ts';

/** Organisation invitations: invite by email and role, list, revoke, accept. */
export function invitationRoutes(): AnyRoute[] {
  return [
    route({
      method: 'POST',
      url: '/api/organisations/:organisationId/invitations',
      summary: 'Invite an email with a role; the token (shown once) goes to the invitee',
      tag: 'members',
      status: 201,
      params: orgParams,
      body: z.strictObject({ email: z.email(), role }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => createInvitation({ actor, input: { ...params, ...body }, tx })),
    }),
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/invitations',
      summary: 'Pending invitations',
      tag: 'members',
      params: orgParams,
      handler: ({ actor, params }, { db }) => listInvitations({ actor, input: params, tx: db }),
    }),
    route({
      method: 'DELETE',
      url: '/api/organisations/:organisationId/invitations/:invitationId',
      summary: 'Withdraw a pending invitation',
      tag: 'members',
      status: 204,
      params: orgParams.extend({ invitationId: z.string().min(1) }),
      handler: async ({ actor, params, reply }, { db }) => {
        await inTransaction(db, (tx) => revokeInvitation({ actor, input: params, tx }));
        return reply.status(204).send();
      },
    }),
    route({
      method: 'POST',
      url: '/api/invitations/accept',
      summary: 'Accept an invitation as the signed-in user (the invited email)',
      tag: 'members',
      body: z.strictObject({ token: z.string().min(10).max(200) }),
      handler: ({ actor, body }, { db }) =>
        inTransaction(db, (tx) => acceptInvitation({ actor, input: body, tx })),
    }),
  ];
}
