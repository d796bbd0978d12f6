import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, type Harness, type TestOrg } from '../test/harness.ts';
import { verifiedCookie } from './authenticate.ts';

describe('verifiedCookie', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters';
  const sign = (token: string) => `${token}.${createHmac('sha256', secret).update(token).digest('base64')}`;
  it('returns the token of a cookie signed with the secret, nothing otherwise', () => {
    expect(verifiedCookie(sign('abc.def'), secret)).toBe('abc.def');
    expect(verifiedCookie(sign('abc'), 'another-secret-of-thirty-two-characters')).toBeUndefined();
    expect(verifiedCookie(sign('abc').replace('abc', 'abd'), secret)).toBeUndefined();
    expect(verifiedCookie('abc', secret)).toBeUndefined();
    expect(verifiedCookie(`abc.${'A'.repeat(44)}`, secret)).toBeUndefined();
    expect(verifiedCookie(undefined, secret)).toBeUndefined();
  });
});

describe.each(DATABASE_KINDS)('authentication on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  const test = it.skipIf(skipKind(kind));
  const email = 'session-user@auth.test';
  const password = 'correct horse battery';

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('auth');
    await h.request(org.tokens.admin, 'POST', `/api/organisations/${org.id}/members`, {
      email,
      name: 'Session user',
      role: 'auditor',
      password,
    });
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h.close();
  });

  async function signIn(): Promise<string> {
    const response = await h.workspace.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password },
    });
    const value = response.cookies.find((c) => c.name === 'mica.session_token')?.value;
    if (response.statusCode !== 200 || value === undefined) throw new Error(`sign-in: ${response.body}`);
    return value;
  }
  const me = (session: string) =>
    h.workspace.app.inject({ method: 'GET', url: '/api/me', cookies: { 'mica.session_token': session } });
  // Answers 404 unless the actor carries the membership: checks the actor, not only the user.
  const organisation = (session: string) =>
    h.workspace.app.inject({
      method: 'GET',
      url: `/api/organisations/${org.id}`,
      cookies: { 'mica.session_token': session },
    });
  const sessionRow = (session: string) =>
    h.workspace.database.db
      .selectFrom('auth_sessions')
      .select(['expires_at'])
      .where('token', '=', session.slice(0, session.lastIndexOf('.')))
      .executeTakeFirst();

  test('a session cookie authenticates with every membership; a forged signature does not', async () => {
    const session = await signIn();
    const answer = await me(session);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({
      user: { email },
      organisations: [{ id: org.id, role: 'auditor' }],
    });
    expect((await organisation(session)).statusCode).toBe(200);
    const forged = `${session.slice(0, -5)}AAAA=`;
    expect((await me(forged)).statusCode).toBe(401);
    expect((await me(`other-token${session.slice(session.lastIndexOf('.'))}`)).statusCode).toBe(401);
  });

  test('an expired session is refused and deleted (better-auth decides), one due for refresh is extended', async () => {
    const expired = await signIn();
    const { db } = h.workspace.database;
    const token = (s: string) => s.slice(0, s.lastIndexOf('.'));
    await db
      .updateTable('auth_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token', '=', token(expired))
      .execute();
    expect((await me(expired)).statusCode).toBe(401);
    expect(await sessionRow(expired)).toBeUndefined();
    const stale = await signIn();
    // Two days into a 14-day session: past better-auth's one-day update age, so it extends the session.
    const twelveDays = new Date(Date.now() + 12 * 24 * 3600 * 1000);
    await db
      .updateTable('auth_sessions')
      .set({ expires_at: twelveDays })
      .where('token', '=', token(stale))
      .execute();
    expect((await me(stale)).statusCode).toBe(200);
    const refreshed = await sessionRow(stale);
    expect(refreshed?.expires_at.getTime()).toBeGreaterThan(twelveDays.getTime() + 24 * 3600 * 1000);
  });

  test('a personal API token authenticates with its memberships and records its use; an unknown one is refused', async () => {
    const answer = await h.request(org.tokens.reviewer, 'GET', '/api/me');
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ organisations: [{ id: org.id, role: 'reviewer' }] });
    expect((await h.request(org.tokens.reviewer, 'GET', `/api/organisations/${org.id}`)).status).toBe(200);
    const used = await h.workspace.database.db
      .selectFrom('api_tokens')
      .select('last_used_at')
      .where('user_id', '=', org.userIds.reviewer)
      .executeTakeFirstOrThrow();
    expect(used.last_used_at).not.toBeNull();
    expect((await h.request('mica_pat_unknown', 'GET', '/api/me')).status).toBe(401);
    expect((await h.request('not-a-token', 'GET', '/api/me')).status).toBe(401);
  });
});
