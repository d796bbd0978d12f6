import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, type Harness } from '../test/harness.ts';
import { totpFromUri } from '../test/totp.ts';
import { browser } from '../test/browser.ts';

describe.each(DATABASE_KINDS)('TOTP second factor on %s', (kind) => {
  let h: Harness;
  const test = it.skipIf(skipKind(kind));
  beforeAll(async () => {
    if (!skipKind(kind)) h = await openHarness(kind);
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);

  test('enables TOTP, then asks for a code at sign-in before any session exists', async () => {
    const credentials = { email: 'totp@example.test', password: 'a long enough password' };
    const first = browser(h);
    expect((await first('POST', '/api/auth/sign-up', { ...credentials, name: 'Totp' })).statusCode).toBe(201);
    const enabled = await first('POST', '/api/auth/two-factor/enable', { password: credentials.password });
    expect(enabled.statusCode).toBe(200);
    const { totpURI, backupCodes } = enabled.json<{ totpURI: string; backupCodes: string[] }>();
    expect(totpURI).toMatch(/^otpauth:\/\/totp\//);
    expect(backupCodes.length).toBeGreaterThan(0);
    expect(
      (await first('POST', '/api/auth/two-factor/verify', { code: totpFromUri(totpURI) })).statusCode,
    ).toBe(200);

    const second = browser(h);
    const signIn = await second('POST', '/api/auth/sign-in', credentials);
    expect(signIn.json()).toEqual({ twoFactorRequired: true });
    expect((await second('GET', '/api/me')).statusCode).toBe(401);
    const wrong = await second('POST', '/api/auth/two-factor/verify', {
      code: '000000' === totpFromUri(totpURI) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(401);
    expect(
      (await second('POST', '/api/auth/two-factor/verify', { code: totpFromUri(totpURI) })).statusCode,
    ).toBe(200);
    expect((await second('GET', '/api/me')).statusCode).toBe(200);
  });
});
