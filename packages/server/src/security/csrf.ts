import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '@mica-audit/core';

/** The header the web client sends on every request; a cross-site form cannot set it without a CORS preflight. */
export const CSRF_HEADER = 'x-mica-csrf';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function hasAuthCookie(cookie: string | undefined): boolean {
  return cookie !== undefined && /(^|;\s*)(__Secure-)?mica\./.test(cookie);
}

/**
 * CSRF defence for cookie sessions (in depth behind SameSite=Strict): a state-changing request that carries one of
 * our cookies and no bearer token must prove it was not sent by a cross-site form — with the `x-mica-csrf` header, or
 * an `application/json` body (a type browsers send cross-origin only after a preflight, which this server never
 * grants). Bearer-token requests carry no ambient credential and are not affected.
 */
export function csrfProtection(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    done(csrfProof(request.method, request.headers) ? undefined : csrfError());
  });
}

function csrfProof(method: string, headers: FastifyRequest['headers']): boolean {
  if (SAFE.has(method)) return true;
  if (headers.authorization !== undefined) return true;
  if (!hasAuthCookie(headers.cookie)) return true;
  if (headers[CSRF_HEADER] !== undefined) return true;
  return /^application\/json\s*(;|$)/i.test(headers['content-type'] ?? '');
}

function csrfError(): DomainError {
  return new DomainError(
    'auth.csrf',
    `a request with a session cookie that changes something must carry the ${CSRF_HEADER} header`,
    { kind: 'forbidden' },
  );
}
