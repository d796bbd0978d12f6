import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Personal API tokens carry a recognisable prefix so secret scanners can find leaked ones. */
export const TOKEN_PREFIX = 'mica_pat_';

/** Tokens are stored only as their SHA-256 (they are 256 random bits, so no slow hash is needed). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a personal API token; the clear value is returned once and only its hash is kept. */
export async function createApiToken(
  db: Kysely<Database>,
  userId: string,
  name: string,
): Promise<{ id: string; name: string; token: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  await db
    .insertInto('api_tokens')
    .values({ id, user_id: userId, name, token_hash: tokenHash(token) })
    .execute();
  return { id, name, token };
}

/** The user's tokens, without their secrets. */
export async function listApiTokens(db: Kysely<Database>, userId: string) {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  }));
}

/** Revokes one of the user's tokens; false when the user has no token with that id. */
export async function revokeApiToken(db: Kysely<Database>, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('api_tokens')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
