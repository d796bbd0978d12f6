import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser } from '../test/browser.ts';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, type Harness, type TestOrg } from '../test/harness.ts';

describe.each(DATABASE_KINDS)('invitations on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  const test = it.skipIf(skipKind(kind));
  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('inviting');
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);

  test('invites by email and role; only that email, once, before expiry, may accept', async () => {
    const url = `/api/organisations/${org.id}/invitations`;
    expect(
      (await h.request(org.tokens.reviewer, 'POST', url, { email: 'new@inviting.test', role: 'auditor' }))
        .status,
    ).toBe(403);
    const created = await h.request(org.tokens.admin, 'POST', url, {
      email: 'New@Inviting.test',
      role: 'auditor',
    });
    expect(created.status).toBe(201);
    const { token, id } = created.json() as { token: string; id: string };
    expect(token).toMatch(/^mica_inv_/);
    const stored = await h.workspace.database.db
      .selectFrom('invitations')
      .select('token_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(token);
    expect((await h.request(org.tokens.admin, 'GET', url)).json()).toMatchObject([
      { email: 'new@inviting.test', role: 'auditor' },
    ]);

    // Someone signed in with another email cannot use it, and learns nothing.
    const other = await h.request(org.tokens.reviewer, 'POST', '/api/invitations/accept', { token });
    expect(other.status).toBe(404);

    const invitee = browser(h);
    expect(
      (
        await invitee('POST', '/api/auth/sign-up', {
          email: 'new@inviting.test',
          name: 'New',
          password: 'a long enough password',
        })
      ).statusCode,
    ).toBe(201);
    expect((await invitee('GET', `/api/organisations/${org.id}/engagements`)).statusCode).toBe(404);
    const accepted = await invitee('POST', '/api/invitations/accept', { token });
    expect(accepted.json()).toEqual({ organisationId: org.id, role: 'auditor' });
    expect((await invitee('GET', `/api/organisations/${org.id}/engagements`)).statusCode).toBe(200);
    expect((await invitee('POST', '/api/invitations/accept', { token })).statusCode).toBe(404);
    expect((await h.request(org.tokens.admin, 'GET', url)).json()).toEqual([]);
    const again = await h.request(org.tokens.admin, 'POST', url, {
      email: 'new@inviting.test',
      role: 'admin',
    });
    expect(again.status).toBe(409);
  });

  test('revokes a pending invitation', async () => {
    const url = `/api/organisations/${org.id}/invitations`;
    const { id, token } = (
      await h.request(org.tokens.admin, 'POST', url, { email: 'late@inviting.test', role: 'reviewer' })
    ).json() as {
      id: string;
      token: string;
    };
    expect((await h.request(org.tokens.admin, 'DELETE', `${url}/${id}`)).status).toBe(204);
    expect((await h.request(org.tokens.admin, 'DELETE', `${url}/${id}`)).status).toBe(404);
    const late = browser(h);
    await late('POST', '/api/auth/sign-up', {
      email: 'late@inviting.test',
      name: 'Late',
      password: 'a long enough password',
    });
    expect((await late('POST', '/api/invitations/accept', { token })).statusCode).toBe(404);
  });
});
