import { z } from 'zod';
import { inTransaction } from '../../commands/context.ts';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  resendInvitation,
  revokeInvitation,
} from '../../commands/invitations.ts';
import { wakeJobWorker } from '../../jobs/server-jobs.ts';
import { langFromHeader, MAIL_LANGS } from '../../mail/invitation-email.ts';
import { route, type AnyRoute } from '../route.ts';
import { orgParams, role } from './common.ts';

const lang = z.enum(MAIL_LANGS);
const invitationParams = orgParams.extend({ invitationId: z.string().min(1) });

/** Organisation invitations: invite by email and role (the e-mail goes out as a job), list, resend, revoke, accept. */
export function invitationRoutes(): AnyRoute[] {
  return [
    route({
      method: 'POST',
      url: '/api/organisations/:organisationId/invitations',
      summary:
        'Invite an email with a role; e-mailed when SMTP is configured (`mailed: true`), else the accept link is answered once (`mailed: false`)',
      tag: 'members',
      status: 201,
      params: orgParams,
      body: z.strictObject({ email: z.email(), role, lang: lang.optional() }),
      handler: async ({ actor, params, body, request }, { db, mail }) => {
        // The invitee reads the inviter's language unless the inviter chose one (see README, "Invitation e-mail").
        const chosen = body.lang ?? langFromHeader(request.headers['accept-language']) ?? 'en';
        const issued = await inTransaction(db, (tx) =>
          createInvitation({ actor, input: { ...params, ...body, lang: chosen }, tx, mail }),
        );
        if (issued.mailed) wakeJobWorker(db);
        return issued;
      },
    }),
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/invitations',
      summary: 'Invitations not accepted yet (expired ones flagged), with the status of their e-mail',
      tag: 'members',
      params: orgParams,
      handler: ({ actor, params }, { db }) => listInvitations({ actor, input: params, tx: db }),
    }),
    route({
      method: 'POST',
      url: '/api/organisations/:organisationId/invitations/:invitationId/resend',
      summary: 'Send an invitation again with a new token and expiry; the previous link stops working',
      tag: 'members',
      params: invitationParams,
      body: z.strictObject({ lang: lang.optional() }),
      handler: async ({ actor, params, body }, { db, mail }) => {
        const issued = await inTransaction(db, (tx) =>
          resendInvitation({ actor, input: { ...params, ...body }, tx, mail }),
        );
        if (issued.mailed) wakeJobWorker(db);
        return issued;
      },
    }),
    route({
      method: 'DELETE',
      url: '/api/organisations/:organisationId/invitations/:invitationId',
      summary: 'Withdraw a pending invitation',
      tag: 'members',
      status: 204,
      params: invitationParams,
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
