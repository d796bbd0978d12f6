import { fromNodeHeaders } from 'better-auth/node';
import { z } from 'zod';
import { route, type AnyRoute } from '../route.ts';
import { relay } from './auth-relay.ts';

const password = z.strictObject({ password: z.string().min(1).max(1000) });

/** TOTP second factor (better-auth's two-factor plugin): enable, confirm or complete sign-in, disable. */
export function twoFactorRoutes(): AnyRoute[] {
  return [
    route({
      method: 'POST',
      url: '/api/auth/two-factor/enable',
      summary: 'Start enabling TOTP: returns the otpauth:// URI and backup codes; confirm with /verify',
      tag: 'auth',
      body: password,
      handler: async ({ body, request, reply }, { auth }) => {
        const result = await relay(
          reply,
          await auth.api.enableTwoFactor({
            body,
            headers: fromNodeHeaders(request.headers),
            asResponse: true,
          }),
        );
        return { totpURI: result.totpURI, backupCodes: result.backupCodes };
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/two-factor/verify',
      summary: 'Check a TOTP code: confirms enabling, or completes a sign-in that asked for it',
      tag: 'auth',
      // Public: during sign-in the caller has only the short-lived two-factor cookie, not a session.
      public: true,
      body: z.strictObject({
        code: z.string().regex(/^\d{6}$/, 'six digits'),
        trustDevice: z.boolean().optional(),
      }),
      handler: async ({ body, request, reply }, { auth }) => {
        const result = await relay(
          reply,
          await auth.api.verifyTOTP({ body, headers: fromNodeHeaders(request.headers), asResponse: true }),
        );
        return { userId: (result.user as { id: string } | undefined)?.id ?? null };
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/two-factor/disable',
      summary: 'Turn the second factor off (needs the password)',
      tag: 'auth',
      body: password,
      handler: async ({ body, request, reply }, { auth }) => {
        await relay(
          reply,
          await auth.api.disableTwoFactor({
            body,
            headers: fromNodeHeaders(request.headers),
            asResponse: true,
          }),
        );
        return { twoFactorEnabled: false };
      },
    }),
  ];
}
