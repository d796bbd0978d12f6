import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { DATABASE_KINDS, freshDatabase, skipKind } from '../test/databases.ts';
import { claimJob, enqueueJob, finishJob, heartbeat } from './queue.ts';
import { createJobWorker } from './worker.ts';

describe.each(DATABASE_KINDS)('job queue on %s', (kind) => {
  let handle: DatabaseHandle;
  const org = 'org-jobs';
  beforeAll(async () => {
    if (skipKind(kind)) return;
    handle = await freshDatabase(kind);
    await handle.db.insertInto('organisations').values({ id: org, name: 'Jobs' }).execute();
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await handle.close();
  }, 120_000);
  const test = it.skipIf(skipKind(kind));
  const enqueue = (jobKind: string, payload: unknown = {}, maxAttempts?: number) =>
    handle.db
      .transaction()
      .execute((tx) =>
        enqueueJob(tx, { organisationId: org, kind: jobKind, payload, createdBy: null, maxAttempts }),
      );
  const row = (id: string) =>
    handle.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const expireLease = (id: string) =>
    handle.db
      .updateTable('jobs')
      .set({ locked_until: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', id)
      .execute();

  test('claims the oldest job of a kind once, tracks progress and stores the result', async () => {
    const first = await enqueue('t.basic', { n: 1 });
    const second = await enqueue('t.basic', { n: 2 });
    const options = { workerId: 'w1', kinds: ['t.basic'], leaseMs: 30_000 };
    const claimed = await claimJob(handle.db, options);
    expect(claimed).toMatchObject({ id: first.id, status: 'running', attempts: 1, locked_by: 'w1' });
    expect(await claimJob(handle.db, { ...options, workerId: 'w2' })).toMatchObject({ id: second.id });
    expect(await claimJob(handle.db, options)).toBeUndefined();
    expect(await heartbeat(handle.db, first.id, 'w1', 42.4, 30_000)).toBe(true);
    expect(await heartbeat(handle.db, first.id, 'w2', 50, 30_000)).toBe(false);
    expect(await row(first.id)).toMatchObject({ progress: 42 });
    expect(await finishJob(handle.db, first.id, 'w1', { result: { ok: [1, 2] } })).toBe(true);
    expect(await row(first.id)).toMatchObject({
      status: 'done',
      progress: 100,
      result: { ok: [1, 2] },
      locked_by: null,
    });
    await finishJob(handle.db, second.id, 'w2', { error: 'boom' });
    expect(await row(second.id)).toMatchObject({ status: 'failed', error: 'boom' });
  });

  test('re-queues a job whose worker died once its lease expires, then fails it after max attempts', async () => {
    const job = await enqueue('t.lease', {}, 2);
    const options = { workerId: 'dead', kinds: ['t.lease'], leaseMs: 30_000 };
    expect(await claimJob(handle.db, options)).toMatchObject({ id: job.id, attempts: 1 });
    expect(await claimJob(handle.db, { ...options, workerId: 'alive' })).toBeUndefined();
    await expireLease(job.id);
    const again = await claimJob(handle.db, { ...options, workerId: 'alive' });
    expect(again).toMatchObject({ id: job.id, attempts: 2, locked_by: 'alive' });
    // The first worker wakes up late: it no longer holds the job and cannot overwrite it.
    expect(await finishJob(handle.db, job.id, 'dead', { result: 'stale' })).toBe(false);
    await expireLease(job.id);
    expect(await claimJob(handle.db, options)).toBeUndefined();
    expect(await row(job.id)).toMatchObject({ status: 'failed' });
    expect((await row(job.id)).error).toMatch(/^abandoned/);
  });

  it.skipIf(kind !== 'postgres' || skipKind(kind))(
    'never gives one job to two concurrent claimers (SKIP LOCKED)',
    async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 6; i += 1) ids.add((await enqueue('t.race')).id);
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          claimJob(handle.db, { workerId: `w${i}`, kinds: ['t.race'], leaseMs: 30_000 }),
        ),
      );
      const claimed = claims.flatMap((c) => (c === undefined ? [] : [c.id]));
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.length).toBeLessThanOrEqual(6);
      const rest = await handle.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 't.race')
        .where('status', '=', 'queued')
        .execute();
      expect(claimed.length + rest.length).toBe(6);
    },
  );

  test('a worker runs handlers with progress, records failures, and leaves other kinds alone', async () => {
    const ok = await enqueue('t.work', { x: 2 });
    const bad = await enqueue('t.fail');
    const other = await enqueue('t.other');
    const seen: number[] = [];
    const worker = createJobWorker({
      db: handle.db,
      workerId: 'worker',
      handlers: {
        't.work': async (job, context) => {
          await context.progress(50);
          seen.push(Number((await row(job.id)).progress));
          return { doubled: (job.payload as { x: number }).x * 2 };
        },
        't.fail': () => Promise.reject(new Error('renderer crashed')),
      },
    });
    expect(await worker.drain()).toBe(2);
    expect(seen).toEqual([50]);
    expect(await row(ok.id)).toMatchObject({ status: 'done', result: { doubled: 4 } });
    expect(await row(bad.id)).toMatchObject({ status: 'failed', error: 'renderer crashed' });
    expect(await row(other.id)).toMatchObject({ status: 'queued' });
  });

  test('a started worker picks up new jobs when woken and finishes its job before stopping', async () => {
    const worker = createJobWorker({
      db: handle.db,
      pollMs: 60_000,
      handlers: { 't.loop': () => Promise.resolve('done') },
    });
    worker.start();
    const job = await enqueue('t.loop');
    worker.wake();
    for (let i = 0; i < 100 && (await row(job.id)).status !== 'done'; i += 1)
      await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(await row(job.id)).toMatchObject({ status: 'done', result: 'done' });
  });
});
