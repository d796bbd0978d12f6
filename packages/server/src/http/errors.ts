import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type ErrorKind } from '@mica-audit/core';
import { isDatabaseUnavailable } from '../db/connect.ts';

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

/** Seconds a client should wait before retrying while the database is unreachable (a restart takes a few). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The answer while the database is unreachable: the request was fine, retry it later. */
export const DATABASE_UNAVAILABLE: ErrorBody = {
  error: {
    code: 'db.unavailable',
    message:
      'the database is unavailable (restarting, unreachable or out of connections): retry in a few seconds',
  },
};

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly current?: unknown };
}

/** The answer when the file system has no space left; nothing of the upload was kept. */
export const STORAGE_FULL: ErrorBody = {
  error: {
    code: 'storage.full',
    message:
      'the server has no storage space left, so nothing was saved: ask its administrator to free space on the evidence volume (or raise its quota), then retry',
  },
};

function isStorageFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** Turns anything thrown by a route into `{ error: { code, message } }` with the right status. */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // Refused before its body was read in full (an upload cut off by the size limit or a full disk): the rest of the
  // body is still on the connection and nobody will read it, so a kept-alive connection would stall the client's
  // next request behind it. Close it after this answer.
  if (!request.raw.complete) void reply.header('connection', 'close');
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
  // A restart, failover or network cut: not the request's fault and not a bug, so 503 and when to come back.
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return reply
      .status(503)
      .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
      .send(DATABASE_UNAVAILABLE);
  }
  // The disk (or quota) holding evidence and reports is full. The store has already removed its partial copy;
  // the operator has to act, so say so (507 Insufficient Storage), and never as an unexplained 500.
  if (isStorageFull(error)) {
    request.log.error({ err: error }, 'storage full');
    return reply.status(507).send(STORAGE_FULL);
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
