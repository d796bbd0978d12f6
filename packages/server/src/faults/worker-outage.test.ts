import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { createJobWorker } from '../jobs/worker.ts';
import { freshDatabase } from '../test/databases.ts';

// What node-postgres throws when PostgreSQL is shut down under a running query.
const adminShutdown = Object.assign(new Error('terminating connection due to administrator command'), {
  code: '57P01',
});

describe('a job interrupted by a database outage', () => {
  let handle: DatabaseHandle;
  const org = 'org-outage';
  beforeAll(async () => {
    handle = await freshDatabase('pglite');
    await handle.db.insertInto('organisations').values({ id: org, name: 'Outage' }).execute();
  }, 60_000);
  afterAll(async () => {
    await handle.close();
  });

  it('is not failed for it: it keeps its lease and runs again, while any other error still fails the job', async () => {
    const enqueue = (kind: string) =>
      handle.db
        .transaction()
        .execute((tx) => enqueueJob(tx, { organisationId: org, kind, payload: {}, createdBy: null }));
    const row = (id: string) =>
      handle.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    let calls = 0;
    const outage = await enqueue('t.outage');
    const worker = createJobWorker({
      db: handle.db,
      workerId: 'w-outage',
      handlers: {
        't.outage': () => {
          calls += 1;
          return calls === 1 ? Promise.reject(adminShutdown) : Promise.resolve({ ran: calls });
        },
        't.bug': () => Promise.reject(new Error('a real failure')),
      },
    });
    // The worker loop reports the outage (its onError) and polls again; drain() surfaces it the same way.
    await expect(worker.drain()).rejects.toBe(adminShutdown);
    expect(await row(outage.id)).toMatchObject({ status: 'running', attempts: 1, error: null });
    // Its lease runs out (as after a real outage), and the job runs again to completion.
    await handle.db
      .updateTable('jobs')
      .set({ locked_until: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', outage.id)
      .execute();
    expect(await worker.drain()).toBe(1);
    expect(await row(outage.id)).toMatchObject({ status: 'done', attempts: 2, result: { ran: 2 } });

    const bug = await enqueue('t.bug');
    expect(await worker.drain()).toBe(1);
    expect(await row(bug.id)).toMatchObject({ status: 'failed', error: 'a real failure' });
  });
});
