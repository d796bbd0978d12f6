/** Sending e-mail over SMTP with nodemailer, behind a small interface the mail jobs use. */
import nodemailer from 'nodemailer';
import { describeSmtp, type SmtpSettings } from './config.ts';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly lang: string;
}

export interface Mailer {
  /** Where mail goes, for messages: the SMTP URL without its password. */
  readonly describe: string;
  /** Hands the message to the SMTP server; resolves once the server accepted it. */
  send(mail: OutgoingMail): Promise<{ readonly messageId: string }>;
}

/** Transport timeouts well inside the job lease (60 s), so a dead server fails the attempt instead of the lease. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as const;

/** A mailer over the configured SMTP server: `smtp://` upgrades with STARTTLS when offered, `smtps://` is TLS. */
export function smtpMailer(settings: SmtpSettings): Mailer {
  // One connection per message (no pool): invitations are rare, and nothing stays open between them.
  const transport = nodemailer.createTransport({ url: settings.url, ...TIMEOUTS }, { from: settings.from });
  return {
    describe: describeSmtp(settings.url),
    async send(mail) {
      const info = await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'Content-Language': mail.lang, 'Auto-Submitted': 'auto-generated' },
      });
      return { messageId: info.messageId };
    },
  };
}

/**
 * True when retrying cannot help: the SMTP server answered with a 5xx code (mailbox unknown, authentication
 * refused, message rejected). Connection failures, timeouts and 4xx answers are transient.
 */
export function isPermanentMailError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
