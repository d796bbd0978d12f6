import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPermanentMailError, smtpMailer } from './mailer.ts';
import { startSmtp, type TestSmtp } from './smtp.fixtures.ts';

const MESSAGE = { to: 'a@example.test', subject: 's', text: 't', html: '<p>t</p>', lang: 'en' };

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('SMTP mailer', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp(() => ({ code: 550, message: 'No such user here' }));
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('treats a server that is down as transient', async () => {
    const mailer = smtpMailer({ url: `smtp://127.0.0.1:${await closedPort()}`, from: 'audit@example.test' });
    const error = await mailer.send(MESSAGE).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(/ECONNREFUSED/);
    expect(isPermanentMailError(error)).toBe(false);
  });

  it('treats a 5xx refusal as permanent', async () => {
    const mailer = smtpMailer({ url: smtp.url, from: 'audit@example.test' });
    const error = await mailer.send(MESSAGE).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String(error)).toContain('No such user here');
    expect(isPermanentMailError(error)).toBe(true);
  });

  it('describes its server without the password', () => {
    expect(smtpMailer({ url: smtp.url, from: 'audit@example.test' }).describe).toMatch(
      /^smtp:\/\/mica:\*\*\*@127\.0\.0\.1:\d+$/,
    );
  });
});
