import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, PROFILE, type Harness, type TestOrg } from '../test/harness.ts';

describe.each(DATABASE_KINDS)('workspace API: access, auth, validation, members on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  const base = () => `/api/organisations/${org.id}`;

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('acme');
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);
  const test = it.skipIf(skipKind(kind));

  test('answers health and OpenAPI anonymously, and 401 to anything else', async () => {
    expect((await h.request(undefined, 'GET', '/api/health')).json()).toMatchObject({
      status: 'ok',
      database: { state: 'up' },
    });
    const doc = (await h.request(undefined, 'GET', '/api/openapi.json')).json() as {
      openapi: string;
      paths: object;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain(
      '/api/organisations/{organisationId}/engagements/{engagementId}/assessments',
    );
    expect((await h.request(undefined, 'GET', '/api/docs')).status).toBe(200);
    const anonymous = await h.request(undefined, 'GET', `${base()}/engagements`);
    expect(anonymous.status).toBe(401);
    expect((anonymous.json() as { error: { code: string } }).error.code).toBe('auth.required');
    expect((await h.request('mica_pat_forged', 'GET', '/api/me')).status).toBe(401);
  });

  test('signs in with a password, sets an httpOnly SameSite cookie, and the cookie authenticates', async () => {
    const signUp = await h.request(undefined, 'POST', '/api/auth/sign-up', {
      email: 'new@example.test',
      name: 'New',
      password: 'a long enough password',
    });
    expect(signUp.status).toBe(201);
    const wrong = await h.request(undefined, 'POST', '/api/auth/sign-in', {
      email: 'new@example.test',
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    const response = await h.workspace.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'new@example.test', password: 'a long enough password' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'mica.session_token');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const me = await h.workspace.app.inject({
      method: 'GET',
      url: '/api/me',
      cookies: { 'mica.session_token': cookie?.value ?? '' },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ user: { email: string } }>().user.email).toBe('new@example.test');
    const session = { 'mica.session_token': cookie?.value ?? '' };
    const token = await h.workspace.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      cookies: session,
      payload: { name: 'ci' },
    });
    expect(token.statusCode).toBe(201);
    const clear = token.json<{ token: string }>().token;
    expect(clear).toMatch(/^mica_pat_/);
    const stored = await h.workspace.database.db.selectFrom('api_tokens').select('token_hash').execute();
    expect(stored.some((row) => row.token_hash === clear)).toBe(false);
    expect((await h.request(clear, 'GET', '/api/me')).status).toBe(200);
    const listed = await h.workspace.app.inject({ method: 'GET', url: '/api/me/tokens', cookies: session });
    const tokens = listed.json<{ id: string; name: string; lastUsedAt: string | null }[]>();
    expect(tokens).toMatchObject([{ name: 'ci' }]);
    expect(tokens[0]?.lastUsedAt).not.toBeNull();
    expect(listed.body).not.toContain(clear);
    const revoke = `/api/me/tokens/${tokens[0]?.id ?? ''}`;
    expect((await h.request(org.tokens.admin, 'DELETE', revoke)).status).toBe(404); // someone else's token
    expect((await h.request(clear, 'DELETE', revoke)).status).toBe(204);
    expect((await h.request(clear, 'GET', '/api/me')).status).toBe(401);
    const out = await h.workspace.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      cookies: session,
      headers: { 'x-mica-csrf': '1' }, // cookie-authenticated writes need it (security/csrf.ts)
    });
    expect(out.statusCode).toBe(204);
    expect(
      (await h.workspace.app.inject({ method: 'GET', url: '/api/me', cookies: session })).statusCode,
    ).toBe(401);
  });

  test('rejects a malformed body with 400 path: message', async () => {
    const bad = await h.request(org.tokens.admin, 'POST', `${base()}/engagements`, {
      entityId: 'x',
      name: '',
    });
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: { message: string } }).error.message).toMatch(/^name: /);
    const badProfile = await h.request(org.tokens.admin, 'POST', `${base()}/entities`, {
      profile: { ...PROFILE, services: ['nope'] },
    });
    expect(badProfile.status).toBe(400);
    expect((badProfile.json() as { error: { code: string } }).error.code).toBe('profile.invalid');
  });

  test('manages members: role change, removal, and never the last administrator', async () => {
    const members = `${base()}/members`;
    const added = await h.request(org.tokens.admin, 'POST', members, {
      email: 'temp@acme.test',
      name: 'Temp',
      role: 'auditor',
    });
    expect(added.status).toBe(201);
    const userId = (added.json() as { userId: string }).userId;
    expect(
      (
        await h.request(org.tokens.admin, 'POST', members, {
          email: 'temp@acme.test',
          name: 'Temp',
          role: 'auditor',
        })
      ).status,
    ).toBe(409);
    expect(
      (await h.request(org.tokens.admin, 'PATCH', `${members}/${userId}`, { role: 'reviewer' })).json(),
    ).toMatchObject({ role: 'reviewer' });
    expect(
      (await h.request(org.tokens.admin, 'PATCH', `${members}/${org.userIds.admin}`, { role: 'auditor' }))
        .status,
    ).toBe(409);
    expect((await h.request(org.tokens.admin, 'DELETE', `${members}/${org.userIds.admin}`)).status).toBe(409);
    expect((await h.request(org.tokens.admin, 'DELETE', `${members}/${userId}`)).status).toBe(204);
    expect((await h.request(org.tokens.admin, 'DELETE', `${members}/${userId}`)).status).toBe(404);
  });
});
