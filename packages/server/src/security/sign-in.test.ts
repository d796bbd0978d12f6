import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../auth/users.ts';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, type Harness } from '../test/harness.ts';
import { ACCOUNT_FAILURES, ADDRESS_FAILURES, lockSeconds } from './sign-in-throttle.ts';

const PASSWORD = 'correct horse battery staple';

describe('lock durations', () => {
  it('doubles from one minute after the threshold, capped at an hour', () => {
    expect([4, 5, 6, 7, 20].map((n) => lockSeconds(n, 5))).toEqual([0, 60, 120, 240, 3600]);
  });
});

describe.each(DATABASE_KINDS)('sign-in throttling on %s', (kind) => {
  let h: Harness;
  const test = it.skipIf(skipKind(kind));
  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    for (const name of ['alice', 'bob'])
      await createUser(h.workspace.database.db, { email: `${name}@example.test`, name, password: PASSWORD });
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);

  const signIn = (email: string, password: string, remoteAddress = '10.0.0.1') =>
    h.workspace.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password },
      remoteAddress,
    });

  test('answers the same for a wrong password and an unknown account, then locks both alike', async () => {
    const wrong = await signIn('alice@example.test', 'not the password');
    const unknown = await signIn('nobody@example.test', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    for (let i = 1; i < ACCOUNT_FAILURES; i += 1) {
      await signIn('alice@example.test', 'not the password');
      await signIn('nobody@example.test', 'not the password');
    }
    // Locked now: even the right password is refused, and an unknown account gets the very same answer.
    const locked = await signIn('alice@example.test', PASSWORD);
    const lockedUnknown = await signIn('nobody@example.test', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: 'auth.too_many_attempts' } });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(lockedUnknown.statusCode).toBe(429);
    expect(lockedUnknown.json()).toEqual(locked.json());
    // Another account from the same address is not affected.
    expect((await signIn('bob@example.test', PASSWORD)).statusCode).toBe(200);
    // When the lock has run out, the right password works and clears the count.
    const db = h.workspace.database.db;
    await sql`update sign_in_throttle set locked_until = now() - interval '1 second'`.execute(db);
    expect((await signIn('alice@example.test', PASSWORD)).statusCode).toBe(200);
    const rows = await db.selectFrom('sign_in_throttle').select('key').execute();
    expect(rows.some((r) => r.key.startsWith('account:') && r.key.length > 70)).toBe(true); // nobody's, hashed
    expect(rows.map((r) => r.key).join()).not.toContain('example.test');
    // A further failure after the lock doubles it.
    await sql`update sign_in_throttle set locked_until = now() - interval '1 second'`.execute(db);
    await signIn('nobody@example.test', 'again wrong');
    const doubled = await signIn('nobody@example.test', 'again wrong');
    expect(Number(doubled.headers['retry-after'])).toBeGreaterThan(100);
  });

  test('locks an address after many failures across accounts, for every account', async () => {
    const address = '10.9.9.9';
    for (let i = 0; i < ADDRESS_FAILURES; i += 1) await signIn(`spray${i}@example.test`, 'guess', address);
    expect((await signIn('bob@example.test', PASSWORD, address)).statusCode).toBe(429);
    expect((await signIn('bob@example.test', PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  }, 60_000);
});
