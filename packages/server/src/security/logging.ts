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

// Credentials that travel in a query string: the invitation accept link (`/invitations/accept?token=…`, served by the
// web app) and anything shaped like it.
const SECRET_PARAMS = /([?&](?:token|code|password)=)[^&#]*/gi;

/** A URL with the values of credential-bearing query parameters replaced. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
}

// Fastify's request serializer (method, URL, host, address), with the URL redacted.
function requestSerializer(request: {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: request.method,
    url: typeof request.url === 'string' ? redactUrl(request.url) : undefined,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

export type LoggerSetting =
  boolean | { readonly stream: { write(line: string): void }; readonly level?: string };

/**
 * Fastify's logger with credentials redacted. Requests are logged as method, URL, host and address (Fastify's
 * default serializers), never headers or bodies; the redaction covers anything logged explicitly on top.
 */
export function loggerOptions(setting: LoggerSetting | undefined): FastifyServerOptions['logger'] {
  if (setting === undefined || setting === false) return false;
  const redact = { paths: REDACTED_PATHS, censor: '[redacted]' };
  const serializers = { req: requestSerializer };
  if (setting === true) return { redact, serializers };
  return { redact, serializers, stream: setting.stream, level: setting.level ?? 'info' };
}
