import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../auth/users.ts';
import { WEB_DIST } from '../http/web-static.ts';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';
import { multipartFile } from '../test/multipart.ts';
import { API_CSP, HSTS, trustProxyOption } from './headers.ts';

describe('trustProxyOption', () => {
  it('trusts no proxy header unless told', () => {
    expect(trustProxyOption({})).toBe(false);
    expect(trustProxyOption({ MICA_AUDIT_TRUST_PROXY: 'true' })).toBe(true);
    expect(trustProxyOption({ MICA_AUDIT_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' })).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    const hops = trustProxyOption({ MICA_AUDIT_TRUST_PROXY: '1' }) as (a: string, hop: number) => boolean;
    expect([hops('x', 0), hops('x', 1)]).toEqual([true, false]);
  });
});

describe.each(DATABASE_KINDS)('HTTP security baseline on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let engagementId: string;
  const test = it.skipIf(skipKind(kind));
  beforeAll(async () => {
    if (skipKind(kind)) return;
    process.env.MICA_AUDIT_TRUST_PROXY = 'true';
    try {
      h = await openHarness(kind);
    } finally {
      delete process.env.MICA_AUDIT_TRUST_PROXY;
    }
    org = await h.organisation('sec');
    ({ engagementId } = await seedEngagement(h, org));
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);

  test('sets the security headers on every answer, HSTS only over TLS', async () => {
    for (const url of ['/api/health', '/api/nowhere', `/api/organisations/${org.id}`]) {
      const response = await h.workspace.app.inject({ method: 'GET', url });
      expect(response.headers['content-security-policy']).toBe(API_CSP);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
    expect(API_CSP).toContain("frame-ancestors 'none'");
    const tls = await h.workspace.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(tls.headers['strict-transport-security']).toBe(HSTS);
  });

  test('allows the docs page only its own inline script and style, by hash', async () => {
    const docs = await h.workspace.app.inject({ method: 'GET', url: '/api/docs' });
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(docs.body)?.[1] ?? '';
    expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
  });

  test('refuses cookie-authenticated writes without the CSRF header, not bearer ones', async () => {
    await createUser(h.workspace.database.db, {
      email: 'csrf@example.test',
      name: 'C',
      password: 'correct horse battery',
    });
    const signIn = await h.workspace.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'csrf@example.test', password: 'correct horse battery' },
    });
    const cookie = signIn.cookies.find((c) => c.name === 'mica.session_token');
    const cookies = { 'mica.session_token': cookie?.value ?? '' };
    const forged = await h.workspace.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=evil',
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ error: { code: 'auth.csrf' } });
    const multipart = multipartFile('x', 'a.txt', 'text/plain');
    const forgedUpload = await h.workspace.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/evidence`,
      cookies,
      ...multipart,
    });
    expect(forgedUpload.statusCode).toBe(403);
    const withHeader = await h.workspace.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      cookies,
      headers: { 'x-mica-csrf': '1' },
      payload: { name: 'ok' },
    });
    expect(withHeader.statusCode).toBe(201);
    expect((await h.workspace.app.inject({ method: 'GET', url: '/api/me', cookies })).statusCode).toBe(200);
    expect((await h.request(org.tokens.admin, 'POST', '/api/me/tokens', { name: 'bearer' })).status).toBe(
      201,
    );
  });

  test('stores masquerading uploads as octet-stream outside the web root, and serves them as attachments', async () => {
    const upload = async (content: string, fileName: string, type: string) => {
      const { payload, headers } = multipartFile(content, fileName, type);
      const response = await h.workspace.app.inject({
        method: 'POST',
        url: `/api/organisations/${org.id}/evidence?engagementId=${engagementId}`,
        payload,
        headers: { ...headers, authorization: `Bearer ${org.tokens.auditor}` },
      });
      expect(response.statusCode).toBe(201);
      return response.json<{ id: string; mediaType: string }>();
    };
    const html = await upload(
      '<html><script>alert(document.cookie)</script>',
      'policy.pdf',
      'application/pdf',
    );
    expect(html.mediaType).toBe('application/octet-stream');
    const exe = await upload('MZ\u0090\u0000 program', 'register.pdf', 'application/pdf');
    expect(exe.mediaType).toBe('application/octet-stream');
    const pdf = await upload('%PDF-1.7 a real policy', 'policy.pdf', 'application/pdf');
    expect(pdf.mediaType).toBe('application/pdf');
    const download = await h.request(
      org.tokens.reviewer,
      'GET',
      `/api/organisations/${org.id}/evidence/${html.id}/content`,
    );
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="policy.pdf"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
    // The store is under the data directory, never under the built web app that `/` serves.
    expect(relative(WEB_DIST, h.workspace.services.store.location).startsWith('..')).toBe(true);
  });
});
