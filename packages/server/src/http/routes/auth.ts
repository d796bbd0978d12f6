import { fromNodeHeaders } from 'better-auth/node';
import { z } from 'zod';
import { DomainError } from '@mica-audit/core';
import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/tokens.ts';
import { notFound } from '../../commands/context.ts';
import { listOrganisations } from '../../commands/organisations.ts';
import { throttleKeys, throttledSignIn } from '../../security/sign-in-throttle.ts';
import { route, type AnyRoute } from '../route.ts';
import { relay } from './auth-relay.ts';

const credentials = z.strictObject({ email: z.email(), password: z.string().min(1).max(1000) });

/** Sign-up, sign-in and sign-out (better-auth), the current user, and personal API tokens. */
export function authRoutes(): AnyRoute[] {
  return [
    route({
      method: 'POST',
      url: '/api/auth/sign-up',
      summary: 'Create an account and sign in (when the server allows sign-up)',
      tag: 'auth',
      public: true,
      status: 201,
      body: credentials.extend({ name: z.string().min(1).max(200), password: z.string().min(12).max(1000) }),
      handler: async ({ body, request, reply }, { auth, allowSignUp }) => {
        if (!allowSignUp)
          throw new DomainError(
            'auth.sign_up_closed',
            'sign-up is closed on this server: ask an administrator to add you',
            {
              kind: 'forbidden',
            },
          );
        const result = await relay(
          reply,
          await auth.api.signUpEmail({ body, headers: fromNodeHeaders(request.headers), asResponse: true }),
        );
        const user = result.user as { id: string; email: string; name: string };
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/sign-in',
      summary: 'Sign in with email and password; sets an httpOnly SameSite session cookie',
      tag: 'auth',
      public: true,
      body: credentials,
      handler: async ({ body, request, reply }, { auth, db }) => {
        // Throttled per account and per address (security/sign-in-throttle.ts); 429 while locked.
        const result = await throttledSignIn(db, throttleKeys(body.email, request.ip), reply, async () =>
          relay(
            reply,
            await auth.api.signInEmail({ body, headers: fromNodeHeaders(request.headers), asResponse: true }),
          ),
        );
        // With a second factor on, no session yet: a short-lived cookie lets POST /api/auth/two-factor/verify finish.
        if (result.twoFactorRedirect === true) return { twoFactorRequired: true };
        return { userId: (result.user as { id: string }).id, twoFactorRequired: false };
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/sign-out',
      summary: 'End the current session',
      tag: 'auth',
      status: 204,
      handler: async ({ request, reply }, { auth }) => {
        await relay(
          reply,
          await auth.api.signOut({ headers: fromNodeHeaders(request.headers), asResponse: true }),
        );
        return reply.status(204).send();
      },
    }),
    route({
      method: 'GET',
      url: '/api/me',
      summary: 'The signed-in user and their organisations, with what they may do in each',
      tag: 'auth',
      handler: async ({ actor }, { db }) => {
        const user = await db
          .selectFrom('users')
          .select(['id', 'email', 'name'])
          .where('id', '=', actor.userId)
          .executeTakeFirstOrThrow();
        const organisations = await listOrganisations({ actor, input: undefined, tx: db });
        return { user, organisations };
      },
    }),
    route({
      method: 'POST',
      url: '/api/me/tokens',
      summary: 'Create a personal API token for scripts and CI (shown once; send as Authorization: Bearer)',
      tag: 'auth',
      status: 201,
      body: z.strictObject({ name: z.string().min(1).max(200) }),
      handler: async ({ actor, body }, { db }) => createApiToken(db, actor.userId, body.name),
    }),
    route({
      method: 'GET',
      url: '/api/me/tokens',
      summary: 'Your personal API tokens (names and dates; never the secrets)',
      tag: 'auth',
      handler: ({ actor }, { db }) => listApiTokens(db, actor.userId),
    }),
    route({
      method: 'DELETE',
      url: '/api/me/tokens/:tokenId',
      summary: 'Revoke one of your personal API tokens',
      tag: 'auth',
      status: 204,
      params: z.strictObject({ tokenId: z.string().min(1) }),
      handler: async ({ actor, params, reply }, { db }) => {
        if (!(await revokeApiToken(db, actor.userId, params.tokenId)))
          throw notFound('token', params.tokenId);
        return reply.status(204).send();
      },
    }),
  ];
}
