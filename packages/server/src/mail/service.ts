/** Builds the server's mail service from validated settings (see config.ts) at start-up. */
import { mailSettings, type MailOptions } from './config.ts';
import { DEFAULT_RETRY_DELAYS_MS, type MailService } from './invitation-job.ts';
import { smtpMailer } from './mailer.ts';
import { sealKey } from './seal.ts';

export interface MailServiceOptions extends MailOptions {
  /** Delays between attempts of a failing e-mail (tests shorten them). */
  readonly retryDelaysMs?: readonly number[] | undefined;
}

/**
 * The mail service: SMTP when configured, else none (invitations then answer their link). Accept links use the
 * public URL, else `fallbackUrl` (MICA_AUDIT_BASE_URL when set), else they stay relative. Throws `mail.config_invalid` naming the variable.
 */
export function createMailService(
  options: MailServiceOptions,
  secret: string,
  fallbackUrl: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): MailService {
  const settings = mailSettings(options, env);
  return {
    settings: { ...settings, publicUrl: settings.publicUrl ?? fallbackUrl?.replace(/\/+$/, '') },
    mailer: settings.smtp === undefined ? undefined : smtpMailer(settings.smtp),
    key: sealKey(secret),
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
  };
}
