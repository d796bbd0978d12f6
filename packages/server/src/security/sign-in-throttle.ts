import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { DomainError } from '@mica-audit/core';
import type { FastifyReply } from 'fastify';
import type { Database } from '../db/schema.ts';

/** Failures allowed before a lock, per account and per client address. */
export const ACCOUNT_FAILURES = 5;
export const ADDRESS_FAILURES = 20;
/** The first lock lasts this long and doubles with every further failure, up to the cap. */
export const FIRST_LOCK_SECONDS = 60;
export const MAX_LOCK_SECONDS = 3600;
/** Failures older than this (with no lock running) are forgotten. */
const WINDOW_SECONDS = 3600;

export interface ThrottleKeys {
  /** `account:<sha256 of the lower-cased email>`: the key exists whether or not the account does. */
  readonly account: string;
  readonly address: string;
}

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  const hashed = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  return { account: `account:${hashed}`, address: `ip:${ip}` };
}

/** Seconds of lock after `failures` failures when `threshold` are allowed; 0 below the threshold. */
export function lockSeconds(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - threshold));
}

/**
 * Refuses with 429 while the account or the address is locked. The answer is the same for accounts that do not
 * exist, so it reveals nothing. The state is in the database, so every server process sees the same locks.
 */
export async function assertNotLocked(db: Kysely<Database>, keys: ThrottleKeys): Promise<void> {
  const rows = await sql<{ seconds: number }>`
    select ceil(extract(epoch from (locked_until - now())))::int as seconds from sign_in_throttle
    where key in (${keys.account}, ${keys.address}) and locked_until > now()`.execute(db);
  const seconds = Math.max(0, ...rows.rows.map((r) => Number(r.seconds)));
  if (seconds > 0)
    throw new DomainError(
      'auth.too_many_attempts',
      `too many failed sign-ins: try again in ${seconds} seconds`,
      { kind: 'invalid', details: { retryAfter: seconds } },
    );
}

async function recordFailure(db: Kysely<Database>, key: string, threshold: number): Promise<void> {
  const row = await sql<{ failures: number }>`
    insert into sign_in_throttle (key, failures, locked_until, updated_at) values (${key}, 1, null, now())
    on conflict (key) do update set
      failures = case
        when sign_in_throttle.updated_at < now() - make_interval(secs => ${WINDOW_SECONDS})
          and (sign_in_throttle.locked_until is null or sign_in_throttle.locked_until < now())
        then 1 else sign_in_throttle.failures + 1 end,
      updated_at = now()
    returning failures`.execute(db);
  const failures = Number(row.rows[0]?.failures ?? 1);
  const seconds = lockSeconds(failures, threshold);
  if (seconds > 0)
    await sql`update sign_in_throttle set locked_until = now() + make_interval(secs => ${seconds})
      where key = ${key}`.execute(db);
}

/** Counts a failed sign-in against both the account and the address. */
export async function recordSignInFailure(db: Kysely<Database>, keys: ThrottleKeys): Promise<void> {
  await recordFailure(db, keys.account, ACCOUNT_FAILURES);
  await recordFailure(db, keys.address, ADDRESS_FAILURES);
}

/** A successful sign-in clears the account's failures (never the address's: one valid account must not reset it). */
export async function recordSignInSuccess(db: Kysely<Database>, keys: ThrottleKeys): Promise<void> {
  await sql`delete from sign_in_throttle where key = ${keys.account}`.execute(db);
}

/**
 * Runs one sign-in attempt under the throttle: refused while locked (with Retry-After), a 401 counts as a failure,
 * success clears the account's count.
 */
export async function throttledSignIn<T>(
  db: Kysely<Database>,
  keys: ThrottleKeys,
  reply: FastifyReply,
  attempt: () => Promise<T>,
): Promise<T> {
  try {
    await assertNotLocked(db, keys);
  } catch (error) {
    const retryAfter = ((error as DomainError).details as { retryAfter?: number } | undefined)?.retryAfter;
    if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
    throw error;
  }
  try {
    const result = await attempt();
    await recordSignInSuccess(db, keys);
    return result;
  } catch (error) {
    if ((error as DomainError).kind === 'unauthenticated') await recordSignInFailure(db, keys);
    throw error;
  }
}
