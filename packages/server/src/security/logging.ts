import type { FastifyServerOptions } from 'fastify';

/** Everything that may hold a credential, wherever a log line could carry it. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-mica-csrf"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'body.password',
  'body.newPassword',
  'body.currentPassword',
  'body.token',
  'body.code',
  'password',
  'token',
];

export type LoggerSetting =
  boolean | { readonly stream: { write(line: string): void }; readonly level?: string };

/**
 * Fastify's logger with credentials redacted. Requests are logged as method, URL, host and address (Fastify's
 * default serializers), never headers or bodies; the redaction covers anything logged explicitly on top.
 */
export function loggerOptions(setting: LoggerSetting | undefined): FastifyServerOptions['logger'] {
  if (setting === undefined || setting === false) return false;
  const redact = { paths: REDACTED_PATHS, censor: '[redacted]' };
  if (setting === true) return { redact };
  return { redact, stream: setting.stream, level: setting.level ?? 'info' };
}
