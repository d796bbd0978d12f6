/**
 * Mail settings from CLI flags or the environment, validated once at start-up with errors that name the variable and
 * the flag. Pure: no connection is made here (see mailer.ts).
 */
import { DomainError } from '@mica-audit/core';

/** What the operator may give; each falls back to its environment variable. */
export interface MailOptions {
  /** `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS); MICA_AUDIT_SMTP_URL. */
  readonly smtpUrl?: string | undefined;
  /** The sender, `Name <address@example.com>` or `address@example.com`; MICA_AUDIT_MAIL_FROM. */
  readonly from?: string | undefined;
  /** Base of the links in e-mails, e.g. `https://audit.example.com`; MICA_AUDIT_PUBLIC_URL. */
  readonly publicUrl?: string | undefined;
}

export interface SmtpSettings {
  /** The transport URL, credentials included: never log it (see `describeSmtp`). */
  readonly url: string;
  readonly from: string;
}

export interface MailSettings {
  /** Undefined when no SMTP server is configured: invitations then hand the accept link to the inviter. */
  readonly smtp: SmtpSettings | undefined;
  /** Base of accept links, without a trailing slash; undefined when unknown (links are then relative). */
  readonly publicUrl: string | undefined;
}

const ENV = {
  smtpUrl: ['MICA_AUDIT_SMTP_URL', '--smtp-url'],
  from: ['MICA_AUDIT_MAIL_FROM', '--mail-from'],
  publicUrl: ['MICA_AUDIT_PUBLIC_URL', '--public-url'],
} as const;

function invalid(field: keyof typeof ENV, problem: string): DomainError {
  const [variable, flag] = ENV[field];
  return new DomainError('mail.config_invalid', `${variable} (${flag}): ${problem}`, { path: variable });
}

function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** The SMTP URL without its password, for messages and logs. */
export function describeSmtp(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function smtpUrl(value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw invalid('smtpUrl', 'not a URL; write it like smtp://user:password@mail.example.com:587');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw invalid(
      'smtpUrl',
      `the scheme must be smtp:// (port 587, STARTTLS) or smtps:// (port 465, TLS), not ${parsed.protocol}//`,
    );
  if (parsed.hostname === '') throw invalid('smtpUrl', 'the URL names no host');
  if (parsed.username !== '' && parsed.password === '')
    throw invalid(
      'smtpUrl',
      `user ${decodeURIComponent(parsed.username)} has no password: add it as user:password@`,
    );
  return value;
}

// `Name <local@domain>` or `local@domain`; the domain needs a dot or is localhost (tests, relays).
const ADDRESS = /^[^\s@<>]+@(?:localhost|[^\s@<>]+\.[^\s@<>]+)$/;

function fromAddress(value: string): string {
  const bracketed = /^(.*)<([^<>]+)>$/.exec(value);
  const address = (bracketed?.[2] ?? value).trim();
  if (!ADDRESS.test(address))
    throw invalid('from', `"${value}" is not an address; write it like "mica-audit <audit@example.com>"`);
  return value;
}

function publicUrl(value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw invalid('publicUrl', `"${value}" is not a URL; write it like https://audit.example.com`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw invalid('publicUrl', `the scheme must be https:// (or http://), not ${parsed.protocol}//`);
  if (parsed.search !== '' || parsed.hash !== '' || parsed.username !== '')
    throw invalid('publicUrl', 'give the base address only, without credentials, query or fragment');
  return parsed.toString().replace(/\/+$/, '');
}

/**
 * Validates the mail settings (flags first, then MICA_AUDIT_SMTP_URL, MICA_AUDIT_MAIL_FROM, MICA_AUDIT_PUBLIC_URL).
 * SMTP needs a sender and a public URL (the e-mail links to it); a sender without SMTP is refused too, since it
 * means mail was meant to be sent. Without anything, the server runs and hands accept links to inviters.
 */
export function mailSettings(
  options: MailOptions = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): MailSettings {
  const url = given(options.smtpUrl ?? env.MICA_AUDIT_SMTP_URL);
  const from = given(options.from ?? env.MICA_AUDIT_MAIL_FROM);
  const base = given(options.publicUrl ?? env.MICA_AUDIT_PUBLIC_URL);
  const link = base === undefined ? undefined : publicUrl(base);
  if (url === undefined) {
    if (from !== undefined)
      throw invalid(
        'from',
        'a sender is set but no SMTP server: set MICA_AUDIT_SMTP_URL (--smtp-url) too, or unset it',
      );
    return { smtp: undefined, publicUrl: link };
  }
  const smtp = smtpUrl(url);
  if (from === undefined)
    throw invalid(
      'from',
      `required with an SMTP server (${describeSmtp(smtp)}): the address invitations come from`,
    );
  if (link === undefined)
    throw invalid(
      'publicUrl',
      'required with an SMTP server: the invitation e-mail links to <public URL>/invitations/accept',
    );
  return { smtp: { url: smtp, from: fromAddress(from) }, publicUrl: link };
}

/** The accept link of an invitation token: `<public URL>/invitations/accept?token=…`, relative without a base. */
export function acceptUrl(settings: Pick<MailSettings, 'publicUrl'>, token: string): string {
  return `${settings.publicUrl ?? ''}/invitations/accept?token=${encodeURIComponent(token)}`;
}
