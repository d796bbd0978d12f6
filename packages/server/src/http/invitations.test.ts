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
    const { token, id, mailed, acceptUrl } = created.json() as {
      token: string;
      id: string;
      mailed: boolean;
      acceptUrl: string;
    };
    expect(token).toMatch(/^mica_inv_/);
    // No SMTP here: the link is answered once, to the inviter, and no e-mail job exists.
    expect(mailed).toBe(false);
    // On the public URL, else relative (the web app resolves it on its own origin).
    expect(acceptUrl).toBe(
      `${process.env.MICA_AUDIT_PUBLIC_URL ?? process.env.MICA_AUDIT_BASE_URL ?? ''}/invitations/accept?token=${token}`,
    );
    expect(
      await h.workspace.database.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'invitation.mail')
        .execute(),
    ).toEqual([]);
    const stored = await h.workspace.database.db
      .selectFrom('invitations')
      .select('token_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(token);
    expect((await h.request(org.tokens.admin, 'GET', url)).json()).toMatchObject([
      { email: 'new@inviting.test', role: 'auditor', lang: 'en', expired: false, mail: null },
    ]);
    expect((await h.request(org.tokens.admin, 'GET', url)).body).not.toContain(token);

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

  test('resends an expired invitation with a new link; the old one stops working', async () => {
    const url = `/api/organisations/${org.id}/invitations`;
    const first = (
      await h.request(org.tokens.admin, 'POST', url, {
        email: 'slow@inviting.test',
        role: 'contributor',
        lang: 'fr',
      })
    ).json() as { id: string; token: string };
    await h.workspace.database.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', first.id)
      .execute();
    const listed = (await h.request(org.tokens.admin, 'GET', url)).json() as {
      id: string;
      expired: boolean;
    }[];
    expect(listed.find((i) => i.id === first.id)?.expired).toBe(true);
    const slow = browser(h);
    await slow('POST', '/api/auth/sign-up', {
      email: 'slow@inviting.test',
      name: 'Slow',
      password: 'a long enough password',
    });
    expect((await slow('POST', '/api/invitations/accept', { token: first.token })).statusCode).toBe(404);
    expect((await h.request(org.tokens.auditor, 'POST', `${url}/${first.id}/resend`, {})).status).toBe(403);
    const resent = await h.request(org.tokens.admin, 'POST', `${url}/${first.id}/resend`, {});
    expect(resent.status).toBe(200);
    const again = resent.json() as {
      id: string;
      token: string;
      lang: string;
      expired: boolean;
      mailed: boolean;
    };
    expect(again).toMatchObject({ id: first.id, lang: 'fr', expired: false, mailed: false });
    expect(again.token).not.toBe(first.token);
    expect((await slow('POST', '/api/invitations/accept', { token: first.token })).statusCode).toBe(404);
    expect((await slow('POST', '/api/invitations/accept', { token: again.token })).json()).toEqual({
      organisationId: org.id,
      role: 'contributor',
    });
    expect((await h.request(org.tokens.admin, 'POST', `${url}/${first.id}/resend`, {})).status).toBe(404);
    const log = (
      await h.request(org.tokens.admin, 'GET', `/api/organisations/${org.id}/audit-log?pageSize=5`)
    ).json() as {
      items: { action: string }[];
    };
    expect(log.items.map((e) => e.action)).toContain('invitation.resend');
    expect(JSON.stringify(log)).not.toContain(again.token);
  });
});
