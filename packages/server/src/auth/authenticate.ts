import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { DomainError, ROLES, type Actor, type Role } from '@mica-audit/core';
import { fromNodeHeaders } from 'better-auth/node';
import type { Database } from '../db/schema.ts';
import type { Auth } from './better-auth.ts';
import { TOKEN_PREFIX, tokenHash } from './tokens.ts';
import { actorOf } from './users.ts';

/**
 * Who is asking, on every authenticated request: so it is one query, not four. better-auth's `getSession` (signed
 * cookie checked with WebCrypto, session and user looked up, refreshed once a day) followed by the memberships cost
 * 3 round trips and most of a small request's time under load. The fast path below accepts only a session that
 * better-auth would accept *without side effects*: signature valid, session found, not expired, no refresh due. Anything else (no or bad cookie, expired, refresh due) goes to better-auth as before, so expiry, clean-up of
 * expired sessions and the daily refresh behave exactly as they did.
 */
export function createAuthenticator(db: Kysely<Database>, auth: Auth) {
  const settings = auth.$context.then((context) => ({
    cookie: context.authCookies.sessionToken.name,
    secret: context.secret,
    expiresInMs: context.sessionConfig.expiresIn * 1000,
    updateAgeMs: context.sessionConfig.updateAge * 1000,
  }));

  // Sessions resolved under a change generation (db/change-feed.ts): while no write has committed since, the
  // session row and the memberships are what they were, so the same cookie is the same actor until the session
  // expires or its daily refresh is due (both checked on the clock here).
  const resolved = new Map<
    string,
    { readonly actor: Actor; readonly generation: number; readonly until: number }
  >();

  async function sessionActor(request: FastifyRequest, generation?: number): Promise<Actor | undefined> {
    const { cookie, secret, expiresInMs, updateAgeMs } = await settings;
    const token = verifiedCookie(request.cookies[cookie], secret);
    if (token !== undefined) {
      const known = generation === undefined ? undefined : resolved.get(token);
      if (known !== undefined && known.generation === generation && Date.now() < known.until)
        return known.actor;
      // No join with users: auth_sessions.user_id is a non-null foreign key, so the user exists (better-auth's own
      // lookup joins it only to return it).
      const rows = await db
        .selectFrom('auth_sessions as s')
        .leftJoin('memberships as m', 'm.user_id', 's.user_id')
        .select(['s.user_id', 's.expires_at', 'm.organisation_id', 'm.role'])
        .where('s.token', '=', token)
        .execute();
      const first = rows[0];
      const now = Date.now();
      const expiresAt = first?.expires_at.getTime() ?? 0;
      // better-auth refreshes when expiresAt - expiresIn + updateAge <= now: leave that write to it.
      const refreshAt = expiresAt - expiresInMs + updateAgeMs;
      if (first !== undefined && expiresAt > now && refreshAt > now) {
        const actor = actorFromRows(first.user_id, rows);
        if (generation !== undefined)
          remember(token, { actor, generation, until: Math.min(expiresAt, refreshAt) });
        return actor;
      }
    }
    const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
    return session === null ? undefined : actorOf(db, session.user.id);
  }

  function remember(token: string, entry: { actor: Actor; generation: number; until: number }): void {
    resolved.delete(token);
    resolved.set(token, entry);
    // Oldest first out: a bound on memory, not on correctness.
    if (resolved.size > MAX_REMEMBERED_SESSIONS)
      for (const oldest of resolved.keys()) {
        resolved.delete(oldest);
        if (resolved.size <= MAX_REMEMBERED_SESSIONS) break;
      }
  }

  return async function authenticate(request: FastifyRequest, generation?: number): Promise<Actor> {
    const bearer = bearerOf(request);
    const actor =
      bearer !== undefined ? await tokenActor(db, bearer) : await sessionActor(request, generation);
    if (actor === undefined)
      throw new DomainError(
        'auth.required',
        'sign in first (POST /api/auth/sign-in) or send Authorization: Bearer <token>',
        { kind: 'unauthenticated' },
      );
    return actor;
  };
}

const MAX_REMEMBERED_SESSIONS = 10_000;

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

const SIGNATURE = /^[A-Za-z0-9+/]{43}=$/;

/**
 * The session token of a cookie signed as better-auth (better-call) signs it: `token.base64(HMAC-SHA256(secret,
 * token))`. Undefined when absent or not signed with our secret.
 */
export function verifiedCookie(value: string | undefined, secret: string): string | undefined {
  if (value === undefined) return undefined;
  const dot = value.lastIndexOf('.');
  if (dot < 1) return undefined;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (!SIGNATURE.test(signature)) return undefined;
  const expected = createHmac('sha256', secret).update(token).digest();
  return timingSafeEqual(Buffer.from(signature, 'base64'), expected) ? token : undefined;
}

/** The actor behind a personal API token, memberships included, in one query; undefined for an unknown token. */
export async function tokenActor(db: Kysely<Database>, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const rows = await db
    .selectFrom('api_tokens as t')
    .leftJoin('memberships as m', 'm.user_id', 't.user_id')
    .select(['t.id', 't.user_id', 't.last_used_at', 'm.organisation_id', 'm.role'])
    .where('t.token_hash', '=', tokenHash(token))
    .execute();
  const first = rows[0];
  if (first === undefined) return undefined;
  // last_used_at is refreshed at most once a minute: not a write per request.
  const now = new Date();
  if (first.last_used_at === null || now.getTime() - first.last_used_at.getTime() > 60_000)
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', first.id).execute();
  return actorFromRows(first.user_id, rows);
}

function actorFromRows(
  userId: string,
  rows: readonly { organisation_id: string | null; role: string | null }[],
): Actor {
  const memberships: { organisationId: string; role: Role }[] = [];
  for (const { organisation_id: organisationId, role } of rows)
    if (organisationId !== null && ROLES.includes(role as Role))
      memberships.push({ organisationId, role: role as Role });
  return { userId, memberships };
}
