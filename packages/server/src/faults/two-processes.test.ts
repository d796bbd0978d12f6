import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../test/databases.ts';
import { eventually } from './load.ts';
import {
  call,
  seedWorkspace,
  startServer,
  throwawayDatabase,
  verifyAuditLogCli,
  type SeededWorkspace,
  type ServerProcess,
} from './server-process.ts';

interface AssessmentRow {
  readonly id: string;
  readonly version: number;
  readonly observation: string;
}

describe.skipIf(!postgresAvailable)('two server processes on one PostgreSQL database', () => {
  let dataDir: string;
  let database: Awaited<ReturnType<typeof throwawayDatabase>>;
  let seeded: SeededWorkspace;
  let a: ServerProcess;
  let b: ServerProcess;
  let engagement: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mica-fault-two-'));
    database = await throwawayDatabase();
    seeded = await seedWorkspace(dataDir, database.url);
    // The same data directory too (evidence, auth secret), as two replicas behind one load balancer would share.
    [a, b] = await Promise.all([
      startServer({ dataDir, databaseUrl: database.url }),
      startServer({ dataDir, databaseUrl: database.url }),
    ]);
    engagement = `/api/organisations/${seeded.organisationId}/engagements/${seeded.engagementId}`;
  }, 90_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  const assessments = async (server: ServerProcess): Promise<AssessmentRow[]> => {
    const result = await call(server, seeded.token, 'GET', `${engagement}/assessments?pageSize=10&sort=urn`);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    return (result.body as { items: AssessmentRow[] }).items;
  };

  it('lets exactly one of two concurrent updates of the same version win, and each sees the other at once', async () => {
    const rows = (await assessments(a)).slice(0, 5);
    expect(rows.length).toBe(5);
    for (const [index, row] of rows.entries()) {
      const path = `${engagement}/assessments/${row.id}`;
      const [fromA, fromB] = await Promise.all([
        call(a, seeded.token, 'PATCH', path, { version: row.version, observation: `A wrote round ${index}` }),
        call(b, seeded.token, 'PATCH', path, { version: row.version, observation: `B wrote round ${index}` }),
      ]);
      expect([fromA.status, fromB.status].sort(), JSON.stringify([fromA.body, fromB.body])).toEqual([
        200, 409,
      ]);
      const winner = fromA.status === 200 ? fromA : fromB;
      const loser = fromA.status === 200 ? fromB : fromA;
      const won = winner.body as AssessmentRow;
      expect(won.version).toBe(row.version + 1);
      // The loser is told the state that beat it.
      expect(loser.body).toMatchObject({
        error: { current: { version: won.version, observation: won.observation } },
      });
      // Both processes read the winning write straight away (no stale per-process cache).
      for (const server of [a, b]) {
        const seen = (await assessments(server)).find((item) => item.id === row.id);
        expect(seen).toMatchObject({ version: won.version, observation: won.observation });
      }
    }
  }, 60_000);

  it('runs every job enqueued through either process exactly once', async () => {
    const jobIds: string[] = [];
    for (const server of [a, b, a, b]) {
      const requested = await call(server, seeded.token, 'POST', `${engagement}/reports`, {
        formats: ['json'],
        lang: 'en',
      });
      expect(requested.status, JSON.stringify(requested.body)).toBe(202);
      jobIds.push((requested.body as { jobId: string }).jobId);
    }
    const jobs = new Map<string, { status: string; attempts: number }>();
    const settled = await eventually(
      async () => {
        for (const jobId of jobIds) {
          const result = await call(
            a,
            seeded.token,
            'GET',
            `/api/organisations/${seeded.organisationId}/jobs/${jobId}`,
          );
          jobs.set(jobId, result.body as { status: string; attempts: number });
        }
        return [...jobs.values()].every((job) => job.status === 'done' || job.status === 'failed');
      },
      50_000,
      500,
    );
    expect(settled, JSON.stringify([...jobs.values()])).toBe(true);
    for (const job of jobs.values()) expect(job).toMatchObject({ status: 'done', attempts: 1 });
    const reports = await call(b, seeded.token, 'GET', `${engagement}/reports`);
    const list = reports.body as unknown[] | { items: unknown[] };
    expect(Array.isArray(list) ? list.length : list.items.length).toBe(jobIds.length);
  }, 60_000);

  it('keeps the audit-log chain intact across both writers', async () => {
    const verified = await verifyAuditLogCli(database.url);
    expect(verified.ok, verified.output).toBe(true);
    expect(a.alive() && b.alive(), `${a.output()}\n${b.output()}`).toBe(true);
  }, 30_000);
});
