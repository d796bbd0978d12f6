import type { FastifyReply } from 'fastify';
import { DomainError, type ErrorKind } from '@mica-audit/core';

function kindOf(status: number): ErrorKind {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409 || status === 422) return 'conflict';
  return status >= 500 ? 'internal' : 'invalid';
}

/** Passes better-auth's cookies on to the reply, and turns its error responses into our `{ error }` shape. */
export async function relay(reply: FastifyReply, response: Response): Promise<Record<string, unknown>> {
  for (const cookie of response.headers.getSetCookie()) void reply.header('set-cookie', cookie);
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const code = typeof body.code === 'string' ? body.code.toLowerCase() : 'failed';
    const message = typeof body.message === 'string' ? body.message : response.statusText;
    throw new DomainError(`auth.${code}`, message, { kind: kindOf(response.status) });
  }
  return body;
}
