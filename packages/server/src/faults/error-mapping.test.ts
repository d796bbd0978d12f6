import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../db/connect.ts';
import { errorHandler } from '../http/errors.ts';

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

const refused = Object.assign(
  new AggregateError(
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    '',
  ),
  {
    code: 'ECONNREFUSED',
  },
);

async function answer(error: Error): Promise<{ status: number; body: unknown; retryAfter: unknown }> {
  const app = Fastify();
  app.setErrorHandler(errorHandler);
  app.get('/fail', () => Promise.reject(error));
  const response = await app.inject({ method: 'GET', url: '/fail' });
  await app.close();
  return {
    status: response.statusCode,
    body: response.json(),
    retryAfter: response.headers['retry-after'],
  };
}

describe('the error mapper under infrastructure faults', () => {
  it.each([
    ['57P01 admin shutdown', pgError('57P01', 'terminating connection due to administrator command')],
    [
      '57P02 crash shutdown',
      pgError('57P02', 'terminating connection because of crash of another server process'),
    ],
    ['57P03 cannot connect now', pgError('57P03', 'the database system is starting up')],
    ['08006 connection failure', pgError('08006', 'connection failure')],
    ['ECONNREFUSED (all addresses)', refused],
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a connection ended mid-query', new Error('Connection terminated unexpectedly')],
    ['the pool connect timeout', new Error('timeout exceeded when trying to connect')],
    [
      'wrapped in a cause',
      new Error('could not load', { cause: pgError('57P01', 'terminating connection') }),
    ],
  ])('answers 503 db.unavailable with Retry-After for %s', async (_name, error) => {
    const result = await answer(error);
    expect(result.status).toBe(503);
    expect(result.body).toMatchObject({ error: { code: 'db.unavailable' } });
    expect(Number(result.retryAfter)).toBeGreaterThan(0);
  });

  it('answers 507 storage.full, saying what to do, when the disk is full', async () => {
    const result = await answer(
      Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
    );
    expect(result.status).toBe(507);
    expect(result.body).toMatchObject({ error: { code: 'storage.full' } });
    expect((result.body as { error: { message: string } }).error.message).toMatch(/free space/);
  });

  it('keeps other database errors and bugs as they were: 409 for a lost unique race, 500 otherwise', async () => {
    expect((await answer(pgError('23505', 'duplicate key'))).status).toBe(409);
    expect((await answer(pgError('42P01', 'relation "nope" does not exist'))).status).toBe(500);
    expect((await answer(new TypeError('x is undefined'))).status).toBe(500);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false);
  });
});
