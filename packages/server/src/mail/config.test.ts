import { describe, expect, it } from 'vitest';
import { isDomainError } from '@mica-audit/core';
import { acceptUrl, describeSmtp, mailSettings } from './config.ts';

function failure(fn: () => unknown): { code: string; message: string; path: string | undefined } {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, path: error.path };
    throw error;
  }
  throw new Error('expected a failure');
}

const SMTP = 'smtps://mailer:s3cret@mail.example.com:465';

describe('mail settings', () => {
  it('runs without mail when nothing is set, and keeps a public URL for links', () => {
    expect(mailSettings({}, {})).toEqual({ smtp: undefined, publicUrl: undefined });
    expect(mailSettings({}, { MICA_AUDIT_PUBLIC_URL: 'https://audit.example.com/' })).toEqual({
      smtp: undefined,
      publicUrl: 'https://audit.example.com',
    });
  });

  it('reads the environment, with flags taking precedence', () => {
    const env = {
      MICA_AUDIT_SMTP_URL: SMTP,
      MICA_AUDIT_MAIL_FROM: 'mica-audit <audit@example.com>',
      MICA_AUDIT_PUBLIC_URL: 'https://audit.example.com',
    };
    expect(mailSettings({}, env)).toEqual({
      smtp: { url: SMTP, from: 'mica-audit <audit@example.com>' },
      publicUrl: 'https://audit.example.com',
    });
    expect(mailSettings({ publicUrl: 'https://other.example.com/audit/' }, env).publicUrl).toBe(
      'https://other.example.com/audit',
    );
  });

  it.each([
    [{ smtpUrl: 'mail.example.com' }, 'MICA_AUDIT_SMTP_URL (--smtp-url): not a URL'],
    [{ smtpUrl: 'http://mail.example.com' }, 'MICA_AUDIT_SMTP_URL (--smtp-url): the scheme must be smtp://'],
    [{ smtpUrl: 'smtp://user@mail.example.com' }, 'user user has no password'],
    [{ smtpUrl: SMTP, publicUrl: 'https://a.example.com' }, 'MICA_AUDIT_MAIL_FROM (--mail-from): required'],
    [{ smtpUrl: SMTP, from: 'audit@example.com' }, 'MICA_AUDIT_PUBLIC_URL (--public-url): required'],
    [{ smtpUrl: SMTP, from: 'not an address', publicUrl: 'https://a.example.com' }, 'is not an address'],
    [{ from: 'audit@example.com' }, 'a sender is set but no SMTP server'],
    [
      { publicUrl: 'ftp://a.example.com' },
      'MICA_AUDIT_PUBLIC_URL (--public-url): the scheme must be https://',
    ],
    [{ publicUrl: 'https://a.example.com/?x=1' }, 'without credentials, query or fragment'],
  ])('refuses %j with a message naming the variable and the flag', (options, message) => {
    const error = failure(() => mailSettings(options, {}));
    expect(error.code).toBe('mail.config_invalid');
    expect(error.message).toContain(message);
    expect(error.path).toMatch(/^MICA_AUDIT_/);
  });

  it('never repeats the SMTP password in a message', () => {
    const error = failure(() => mailSettings({ smtpUrl: SMTP }, {}));
    expect(error.message).toContain('smtps://mailer:***@mail.example.com:465');
    expect(error.message).not.toContain('s3cret');
    expect(describeSmtp('smtp://mail.example.com')).toBe('smtp://mail.example.com');
  });

  it('builds accept links on the public URL, or relative ones without it', () => {
    expect(acceptUrl({ publicUrl: 'https://a.example.com' }, 'mica_inv_a+b')).toBe(
      'https://a.example.com/invitations/accept?token=mica_inv_a%2Bb',
    );
    expect(acceptUrl({ publicUrl: undefined }, 'mica_inv_x')).toBe('/invitations/accept?token=mica_inv_x');
  });
});
