import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveLoad, eventually, type LoadTally } from './load.ts';
import { postgresBinDir, startPrivatePostgres, type PrivatePostgres } from './private-postgres.ts';
import {
  call,
  seedWorkspace,
  startServer,
  type SeededWorkspace,
  type ServerProcess,
} from './server-process.ts';

const binDir = postgresBinDir();
if (binDir === undefined)
  console.warn(
    'fault tests: no PostgreSQL binaries under /usr/lib/postgresql/*/bin: PostgreSQL restart test skipped',
  );

// Only 200, 409 (a deliberate version race between the loops) and 503 are acceptable; never a 500 or a dropped socket.
function expectOnlyAcceptable(tally: LoadTally, server: ServerProcess): void {
  const statuses = Object.fromEntries(tally.statuses);
  for (const status of tally.statuses.keys())
    expect([200, 409, 503], `statuses ${JSON.stringify(statuses)}\n${server.output()}`).toContain(status);
  expect(tally.networkErrors, server.output()).toEqual([]);
  for (const answer of tally.unavailable) {
    expect(answer.body).toMatchObject({ error: { code: 'db.unavailable' } });
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  }
  expect(server.alive(), server.output()).toBe(true);
}

describe.skipIf(binDir === undefined)('a PostgreSQL restart under load', () => {
  let cluster: PrivatePostgres;
  let dataDir: string;
  let server: ServerProcess;
  let seeded: SeededWorkspace;
  let engagement: string;

  beforeAll(async () => {
    cluster = await startPrivatePostgres(binDir ?? '');
    dataDir = await mkdtemp(join(tmpdir(), 'mica-fault-pg-'));
    const databaseUrl = cluster.adminUrl;
    seeded = await seedWorkspace(dataDir, databaseUrl);
    server = await startServer({ dataDir, databaseUrl });
    engagement = `/api/organisations/${seeded.organisationId}/engagements/${seeded.engagementId}`;
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await cluster?.destroy();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  const healthy = async (): Promise<boolean> =>
    (await call(server, seeded.token, 'GET', engagement)).status === 200;

  it.each(['fast', 'immediate'] as const)(
    'answers 503 with Retry-After during `pg_ctl restart -m %s`, then recovers by itself',
    async (mode) => {
      const load = driveLoad(server, seeded);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await cluster.restart(mode);
      // Back without restarting the app: the pool replaced its broken connections.
      expect(await eventually(healthy, 20_000), server.output()).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await load.stop();
      expectOnlyAcceptable(load.tally, server);
      expect(load.tally.statuses.get(200) ?? 0).toBeGreaterThan(0);
    },
    60_000,
  );

  it('answers 503 and reports the database down in health while PostgreSQL is stopped', async () => {
    const load = driveLoad(server, seeded);
    await cluster.stop('fast');
    try {
      const health = await call(server, undefined, 'GET', '/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'unavailable', database: { state: 'down' } });
      expect(health.headers.get('retry-after')).toBe('5');
      const read = await call(server, seeded.token, 'GET', engagement);
      expect(read.status, JSON.stringify(read.body)).toBe(503);
      expect(read.body).toMatchObject({ error: { code: 'db.unavailable' } });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      await cluster.start();
    }
    expect(await eventually(healthy, 20_000), server.output()).toBe(true);
    await load.stop();
    expectOnlyAcceptable(load.tally, server);
    expect(load.tally.unavailable.length).toBeGreaterThan(0);
    const health = await call(server, undefined, 'GET', '/api/health');
    expect(health.body).toMatchObject({ status: 'ok', database: { state: 'up' } });
  }, 60_000);

  it('keeps its job worker polling through the outage: a report requested afterwards is rendered', async () => {
    const requested = await call(server, seeded.token, 'POST', `${engagement}/reports`, {
      formats: ['json'],
      lang: 'en',
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(202);
    const { jobId } = requested.body as { jobId: string };
    const jobUrl = `/api/organisations/${seeded.organisationId}/jobs/${jobId}`;
    let status = '';
    const finished = await eventually(async () => {
      status = ((await call(server, seeded.token, 'GET', jobUrl)).body as { status: string }).status;
      return status === 'done' || status === 'failed';
    }, 40_000);
    expect(finished && status, server.output()).toBe('done');
  }, 60_000);
});
