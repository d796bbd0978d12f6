import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ROLES, type Actor, type Role } from '@mica-audit/core';
import type { Database } from '../db/schema.ts';
import { hashPassword } from './password.ts';

/**
 * Creates a user, with a password when one is given, in better-auth's layout (a `credential` account row holds the
 * hash). Used by administrators adding members, the demo and tests; people signing up go through better-auth.
 */
export async function createUser(
  db: Kysely<Database>,
  input: { readonly email: string; readonly name: string; readonly password?: string | undefined },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({ id, email: input.email.toLowerCase(), name: input.name, image: null })
    .execute();
  if (input.password !== undefined)
    await db
      .insertInto('auth_accounts')
      .values({
        id: randomUUID(),
        user_id: id,
        account_id: id,
        provider_id: 'credential',
        password: await hashPassword(input.password),
      })
      .execute();
  return id;
}

/** The actor for a user id: the user and every membership they hold. */
export async function actorOf(db: Kysely<Database>, userId: string): Promise<Actor> {
  const memberships = await db
    .selectFrom('memberships')
    .select(['organisation_id as organisationId', 'role'])
    .where('user_id', '=', userId)
    .execute();
  return {
    userId,
    memberships: memberships.filter((m): m is { organisationId: string; role: Role } =>
      ROLES.includes(m.role),
    ),
  };
}
