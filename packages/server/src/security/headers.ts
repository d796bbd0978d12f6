import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { docsPage } from '../http/openapi.ts';

/** API answers are data, never documents: nothing may load, run or frame them. */
export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const pattern = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g');
  return [...html.matchAll(pattern)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
}

/** The docs page's own inline script and style, allowed by hash: no 'unsafe-inline'. */
function docsCsp(): string {
  const html = docsPage();
  return [
    "default-src 'none'",
    `script-src ${inlineHashes(html, 'script').join(' ')}`,
    `style-src ${inlineHashes(html, 'style').join(' ')}`,
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** HSTS only over TLS: `request.protocol` is `https` on a TLS socket, or behind a trusted proxy that says so. */
export const HSTS = 'max-age=31536000; includeSubDomains';

function isTls(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/**
 * Security headers on every response, errors and 404s included. A header a route already set (the web app's own
 * CSP, evidence downloads) is kept.
 */
export function securityHeaders(app: FastifyInstance): void {
  const docs = docsCsp();
  app.addHook('onSend', async (request, reply, payload) => {
    const set = (name: string, value: string) => {
      if (!reply.hasHeader(name)) void reply.header(name, value);
    };
    set('content-security-policy', request.url.split('?')[0] === '/api/docs' ? docs : API_CSP);
    set('x-content-type-options', 'nosniff');
    set('referrer-policy', 'same-origin');
    set('x-frame-options', 'DENY');
    set('cross-origin-opener-policy', 'same-origin');
    set('cross-origin-resource-policy', 'same-origin');
    set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (isTls(request)) set('strict-transport-security', HSTS);
    return payload;
  });
}

/**
 * Which proxy headers (X-Forwarded-For, -Proto, -Host) to believe: none unless MICA_AUDIT_TRUST_PROXY is set, to
 * `true`, a hop count, or a comma-separated list of proxy addresses or CIDRs.
 */
export function trustProxyOption(
  env: NodeJS.ProcessEnv = process.env,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  const value = env.MICA_AUDIT_TRUST_PROXY?.trim();
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value.split(',').map((v) => v.trim());
}
