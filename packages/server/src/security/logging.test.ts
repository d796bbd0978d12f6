import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createAuth } from '../auth/better-auth.ts';
import { createUser } from '../auth/users.ts';
import { buildApp } from '../http/app.ts';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { catalogue, openHarness, type Harness } from '../test/harness.ts';

const PASSWORD = 'a secret nobody may log';

describe.each(DATABASE_KINDS)('logs never hold secrets on %s', (kind) => {
  let h: Harness;
  let app: FastifyInstance;
  const lines: string[] = [];
  const test = it.skipIf(skipKind(kind));
  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    const db = h.workspace.database.db;
    await createUser(db, { email: 'logged@example.test', name: 'L', password: PASSWORD });
    // A second app on the same database, logging everything it would log in production into `lines`.
    app = await buildApp(
      {
        db,
        catalogue: await catalogue(),
        store: h.workspace.services.store,
        auth: createAuth(db, { secret: 'x'.repeat(40), baseURL: 'http://127.0.0.1:3000' }),
        uploadLimit: 1024 * 1024,
        allowSignUp: true,
      },
      { logger: { stream: { write: (line: string) => void lines.push(line) }, level: 'trace' } },
    );
  }, 120_000);
  afterAll(async () => {
    if (skipKind(kind)) return;
    await app?.close();
    await h?.close();
  }, 120_000);

  test('through sign-in, token use and requests with Authorization and cookie headers', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'logged@example.test', password: PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    const session = signIn.cookies.find((c) => c.name === 'mica.session_token')?.value ?? '';
    expect(session).not.toBe('');
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'logged@example.test', password: `${PASSWORD}!` },
    });
    const created = await app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      cookies: { 'mica.session_token': session },
      headers: { 'x-mica-csrf': '1' },
      payload: { name: 'ci' },
    });
    const token = created.json<{ token: string }>().token;
    expect(
      (await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } }))
        .statusCode,
    ).toBe(200);
    await app.inject({
      method: 'GET',
      url: '/api/nowhere',
      headers: { authorization: `Bearer ${token}`, cookie: `mica.session_token=${session}` },
    });
    // Anything logging a request's headers or a body explicitly is redacted too.
    app.log.info(
      {
        req: { headers: { authorization: `Bearer ${token}`, cookie: session } },
        body: { password: PASSWORD },
      },
      'explicit',
    );
    // The web app's invitation page carries its token in the query string.
    const invitation = 'mica_inv_a-token-nobody-may-log';
    await app.inject({ method: 'GET', url: `/invitations/accept?token=${invitation}&lang=fr` });
    const output = lines.join('');
    expect(output).toContain('/invitations/accept?token=[redacted]&lang=fr');
    expect(lines.length).toBeGreaterThan(8);
    expect(output).toContain('/api/auth/sign-in');
    for (const secret of [PASSWORD, token, session, token.slice(9), encodeURIComponent(session), invitation])
      expect(output).not.toContain(secret);
    expect(output).toContain('[redacted]');
  });
});
