import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type ErrorKind } from '@mica-audit/core';

/** The only place that maps domain error kinds to HTTP statuses. */
export const STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

/** Codes whose status is more precise than their kind's. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  'evidence.too_large': 413,
  'auth.too_many_attempts': 429,
};

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly current?: unknown };
}

/** Turns anything thrown by a route into `{ error: { code, message } }` with the right status. */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isDomainError(error)) {
    const body: ErrorBody = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.kind === 'conflict' &&
        typeof error.details === 'object' &&
        error.details !== null &&
        'current' in error.details
          ? { current: error.details.current }
          : {}),
      },
    };
    return reply.status(STATUS_BY_CODE[error.code] ?? STATUS_BY_KIND[error.kind]).send(body);
  }
  // A unique constraint lost a race that the command's own check would have reported: same answer, 409.
  if ((error as { code?: unknown }).code === '23505')
    return reply.status(409).send({
      error: {
        code: 'conflict.duplicate',
        message: 'someone else made the same change first: reload and retry',
      },
    });
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const code =
      status === 413
        ? 'request.too_large'
        : status === 415
          ? 'request.unsupported_media_type'
          : 'request.invalid';
    return reply.status(status).send({ error: { code, message: fastifyError.message ?? 'bad request' } });
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply
    .status(500)
    .send({ error: { code: 'internal', message: 'internal error: the server log has the details' } });
}
