import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createInvitation } from '../commands/invitations.ts';
import { inTransaction } from '../commands/context.ts';
import { actorOf } from '../auth/users.ts';
import { jobWorkerOf } from '../jobs/server-jobs.ts';
import { browser } from '../test/browser.ts';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, type Harness, type TestOrg } from '../test/harness.ts';
import { createMailService } from './service.ts';
import { SMTP_PASSWORD, startSmtp, type TestSmtp } from './smtp.fixtures.ts';

const PUBLIC_URL = 'https://audit.example.test';
const DELAY_MS = 400;

interface JobJson {
  status: string;
  attempts: number;
  error: string | null;
  result: { sent: boolean; skipped?: string } | null;
}
interface Issued {
  id: string;
  mailed: boolean;
  mailJobId?: string;
  token?: string;
  acceptUrl?: string;
}

function tokenOf(text: string): string {
  const match = /\/invitations\/accept\?token=([A-Za-z0-9_%-]+)/.exec(text);
  if (match?.[1] === undefined) throw new Error(`no accept link in:\n${text}`);
  return decodeURIComponent(match[1]);
}

describe.each(DATABASE_KINDS)('invitation e-mail over SMTP on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let smtp: TestSmtp;
  // What the SMTP server answers to each delivery attempt; tests change it.
  let refuse: (attempt: number) => { code: number; message: string } | undefined = () => undefined;
  const test = it.skipIf(skipKind(kind));
  const url = () => `/api/organisations/${org.id}/invitations`;

  async function job(id: string, until: (j: JobJson) => boolean): Promise<JobJson> {
    for (let i = 0; i < 400; i += 1) {
      const current = (
        await h.request(org.tokens.admin, 'GET', `/api/organisations/${org.id}/jobs/${id}`)
      ).json() as JobJson;
      if (until(current)) return current;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`job ${id} never reached the expected state`);
  }
  const settled = (id: string) => job(id, (j) => j.status === 'done' || j.status === 'failed');

  beforeAll(async () => {
    if (skipKind(kind)) return;
    smtp = await startSmtp((attempt) => refuse(attempt));
    h = await openHarness(kind, {
      mail: {
        smtpUrl: smtp.url,
        from: 'mica-audit <audit@example.test>',
        publicUrl: `${PUBLIC_URL}/`,
        retryDelaysMs: [DELAY_MS, DELAY_MS],
      },
    });
    org = await h.organisation('mailing');
  }, 120_000);
  afterEach(() => {
    refuse = () => undefined;
  });
  afterAll(async () => {
    if (skipKind(kind)) return;
    await h?.close();
    await smtp?.close();
  }, 120_000);

  test('mails the invitee in their language; the link accepts the invitation; a resend replaces it', async () => {
    const created = await h.request(org.tokens.admin, 'POST', url(), {
      email: 'Claire@Mailing.test',
      role: 'auditor',
      lang: 'fr',
    });
    expect(created.status).toBe(201);
    const issued = created.json() as Issued;
    // Mailed: neither the token nor the link is answered to the inviter.
    expect(issued).toMatchObject({ mailed: true, lang: 'fr', expired: false });
    expect(issued.token).toBeUndefined();
    expect(created.body).not.toContain('mica_inv_');
    expect(await settled(issued.mailJobId ?? '')).toMatchObject({ status: 'done', result: { sent: true } });

    const mail = smtp.received.at(-1);
    expect(mail?.to).toEqual(['claire@mailing.test']);
    expect(mail?.headers.get('from')).toMatch(/^"?mica-audit"? <audit@example\.test>$/);
    expect(mail?.headers.get('content-language')).toBe('fr');
    expect(mail?.subject).toBe('Invitation à rejoindre mailing sur mica-audit');
    expect(mail?.text).toContain('Admin mailing');
    expect(mail?.text).toContain('en tant que auditeur');
    expect(mail?.text).toMatch(/expire le \d{1,2} \S+ \d{4}/);
    expect(mail?.text).toContain(`${PUBLIC_URL}/invitations/accept?token=mica_inv_`);
    expect(mail?.html).toContain(`href="${PUBLIC_URL}/invitations/accept?token=`);
    const first = tokenOf(mail?.text ?? '');
    expect(tokenOf(mail?.html ?? '')).toBe(first);

    const list = (await h.request(org.tokens.admin, 'GET', url())).json() as {
      id: string;
      mail: { status: string; jobId: string };
    }[];
    expect(list.find((i) => i.id === issued.id)?.mail).toMatchObject({
      status: 'sent',
      jobId: issued.mailJobId,
    });

    // Resending issues a new token, in English this time; the first link stops working.
    const resent = (
      await h.request(org.tokens.admin, 'POST', `${url()}/${issued.id}/resend`, { lang: 'en' })
    ).json() as Issued;
    expect(resent).toMatchObject({ id: issued.id, mailed: true, lang: 'en' });
    expect(resent.mailJobId).not.toBe(issued.mailJobId);
    await settled(resent.mailJobId ?? '');
    const again = smtp.received.at(-1);
    expect(again?.subject).toBe('Invitation to join mailing on mica-audit');
    expect(again?.text).toContain('as auditor');
    const second = tokenOf(again?.text ?? '');
    expect(second).not.toBe(first);

    const invitee = browser(h);
    await invitee('POST', '/api/auth/sign-up', {
      email: 'claire@mailing.test',
      name: 'Claire',
      password: 'a long enough password',
    });
    expect((await invitee('POST', '/api/invitations/accept', { token: first })).statusCode).toBe(404);
    const accepted = await invitee('POST', '/api/invitations/accept', { token: second });
    expect(accepted.json()).toEqual({ organisationId: org.id, role: 'auditor' });
  });

  test("writes in the inviter's language when none is chosen", async () => {
    const created = await h.workspace.app.inject({
      method: 'POST',
      url: url(),
      headers: {
        authorization: `Bearer ${org.tokens.admin}`,
        'accept-language': 'de-DE, fr;q=0.8, en;q=0.5',
      },
      payload: { email: 'dora@mailing.test', role: 'reviewer' },
    });
    const issued = created.json<Issued>();
    expect(issued).toMatchObject({ mailed: true, lang: 'fr' });
    await settled(issued.mailJobId ?? '');
    expect(smtp.received.at(-1)?.text).toContain('relecteur (lecture seule)');
  });

  test('sends nothing for an invitation whose transaction rolled back', async () => {
    const before = smtp.received.length;
    const db = h.workspace.database.db;
    const actor = await actorOf(db, org.userIds.admin);
    const mail = createMailService(
      { smtpUrl: smtp.url, from: 'audit@example.test', publicUrl: PUBLIC_URL },
      'another secret',
      undefined,
    );
    let invitationId = '';
    const attempt = inTransaction(db, async (tx) => {
      const issued = await createInvitation({
        actor,
        input: { organisationId: org.id, email: 'ghost@mailing.test', role: 'auditor', lang: 'en' },
        tx,
        mail,
      });
      expect(issued.mailed).toBe(true);
      invitationId = issued.id;
      throw new Error('the request failed after the invitation');
    });
    await expect(attempt).rejects.toThrow('the request failed');
    expect(invitationId).not.toBe('');
    const queued = await db
      .selectFrom('jobs')
      .select('id')
      .where(sql<string>`payload->>'invitationId'`, '=', invitationId)
      .execute();
    expect(queued).toEqual([]);
    expect(await db.selectFrom('invitations').select('id').where('id', '=', invitationId).execute()).toEqual(
      [],
    );
    await jobWorkerOf(db)?.drain();
    expect(smtp.received.slice(before).some((m) => m.to.includes('ghost@mailing.test'))).toBe(false);
  });

  test('retries a mail server that answers "try later", visibly, then delivers', async () => {
    const start = smtp.attempts();
    refuse = (n) => (n === start + 1 ? { code: 451, message: 'Greylisted, try again later' } : undefined);
    const issued = (
      await h.request(org.tokens.admin, 'POST', url(), { email: 'eve@mailing.test', role: 'contributor' })
    ).json() as Issued;
    const waiting = await job(issued.mailJobId ?? '', (j) => j.error !== null);
    expect(waiting).toMatchObject({ status: 'running', attempts: 1 });
    expect(waiting.error).toContain('attempt 1 of 3 failed');
    expect(waiting.error).toContain('Greylisted');
    expect(waiting.error).toContain('next attempt after');
    expect(waiting.error).not.toContain(SMTP_PASSWORD);
    const list = (await h.request(org.tokens.admin, 'GET', url())).json() as {
      id: string;
      mail: { status: string };
    }[];
    expect(list.find((i) => i.id === issued.id)?.mail.status).toBe('retrying');
    expect(await settled(issued.mailJobId ?? '')).toMatchObject({ status: 'done', attempts: 2 });
    expect(smtp.received.at(-1)?.to).toEqual(['eve@mailing.test']);
  });

  test('fails the job visibly when the server keeps refusing, and keeps the invitation', async () => {
    refuse = () => ({ code: 451, message: 'Mailbox busy' });
    const issued = (
      await h.request(org.tokens.admin, 'POST', url(), { email: 'finn@mailing.test', role: 'auditor' })
    ).json() as Issued;
    const failed = await settled(issued.mailJobId ?? '');
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.error).toContain('attempt 3 of 3 failed');
    expect(failed.error).toContain('giving up');
    const listed = (await h.request(org.tokens.admin, 'GET', url())).json() as {
      id: string;
      email: string;
      mail: { status: string; error: string };
    }[];
    expect(listed.find((i) => i.id === issued.id)).toMatchObject({
      email: 'finn@mailing.test',
      mail: { status: 'failed', error: expect.stringContaining('Mailbox busy') as string },
    });

    // A permanent refusal is not retried.
    refuse = () => ({ code: 550, message: 'No such mailbox' });
    const resent = (
      await h.request(org.tokens.admin, 'POST', `${url()}/${issued.id}/resend`, {})
    ).json() as Issued;
    const refused = await settled(resent.mailJobId ?? '');
    expect(refused).toMatchObject({ status: 'failed', attempts: 1 });
    expect(refused.error).toContain('not retried');

    // Once the server accepts again, a resend delivers.
    refuse = () => undefined;
    const last = (
      await h.request(org.tokens.admin, 'POST', `${url()}/${issued.id}/resend`, {})
    ).json() as Issued;
    expect(await settled(last.mailJobId ?? '')).toMatchObject({ status: 'done' });
    expect(smtp.received.at(-1)?.to).toEqual(['finn@mailing.test']);
  });

  test('skips the e-mail of a revoked invitation', async () => {
    refuse = () => ({ code: 451, message: 'later' });
    const issued = (
      await h.request(org.tokens.admin, 'POST', url(), { email: 'gus@mailing.test', role: 'auditor' })
    ).json() as Issued;
    await job(issued.mailJobId ?? '', (j) => j.error !== null);
    refuse = () => undefined;
    expect((await h.request(org.tokens.admin, 'DELETE', `${url()}/${issued.id}`)).status).toBe(204);
    expect(await settled(issued.mailJobId ?? '')).toMatchObject({
      status: 'done',
      result: { sent: false, skipped: 'revoked' },
    });
    expect(smtp.received.some((m) => m.to.includes('gus@mailing.test'))).toBe(false);
  });
});
