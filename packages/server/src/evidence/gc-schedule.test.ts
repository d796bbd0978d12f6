import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { openWorkspace } from '../server.ts';
import { DATABASE_KINDS, freshDatabase, skipKind } from '../test/databases.ts';
import { catalogue } from '../test/harness.ts';
import {
  claimTask,
  createEvidenceMaintenance,
  EVIDENCE_GC_TASK,
  extendTask,
  finishTask,
} from './gc-schedule.ts';
import { LocalEvidenceStore, storedHashes } from './store.ts';

const HOUR = 60 * 60 * 1000;

/** Stores content no row refers to, committed two hours ago. */
async function oldOrphan(store: LocalEvidenceStore, text: string): Promise<string> {
  const staged = await store.stage(Readable.from([Buffer.from(text)]));
  await staged.commit();
  const then = new Date(Date.now() - 2 * HOUR);
  await utimes(join(store.root, 'sha256', staged.sha256.slice(0, 2), staged.sha256), then, then);
  return staged.sha256;
}

describe.each(DATABASE_KINDS)('evidence sweep schedule on %s', (kind) => {
  const skip = skipKind(kind);
  const test = it.skipIf(skip);
  let handle: DatabaseHandle;
  let root: string;

  beforeAll(async () => {
    if (skip) return;
    handle = await freshDatabase(kind);
    root = await mkdtemp(join(tmpdir(), 'mica-gc-schedule-'));
  }, 120_000);
  afterAll(async () => {
    if (skip) return;
    await handle.close();
    await rm(root, { recursive: true, force: true });
  }, 120_000);

  test('one process at a time holds the task, and a finished run is not due again before its period', async () => {
    const { db } = handle;
    const task = 'test.lease';
    expect(await claimTask(db, task, 'a', { leaseMs: HOUR })).toBe(true);
    expect(await claimTask(db, task, 'b', { leaseMs: HOUR })).toBe(false);
    expect(await claimTask(db, task, 'b', { leaseMs: HOUR, force: true })).toBe(false);
    expect(await extendTask(db, task, 'b', HOUR)).toBe(false);
    expect(await extendTask(db, task, 'a', HOUR)).toBe(true);
    await finishTask(db, task, 'a', HOUR, { result: { removed: 0 } });
    expect(await extendTask(db, task, 'a', HOUR)).toBe(false);
    // Not due for an hour; a start-up sweep (force) may still run.
    expect(await claimTask(db, task, 'b', { leaseMs: 1 })).toBe(false);
    expect(await claimTask(db, task, 'b', { leaseMs: 1, force: true })).toBe(true);
    // b "died": its lease expires and another process may take over.
    await sleep(20);
    expect(await claimTask(db, task, 'c', { leaseMs: HOUR, force: true })).toBe(true);
    await finishTask(db, task, 'c', 0, { error: 'store unreachable' });
    const row = await db
      .selectFrom('maintenance_tasks')
      .selectAll()
      .where('task', '=', task)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      locked_by: null,
      last_error: 'store unreachable',
      last_result: { removed: 0 },
    });
    expect(await claimTask(db, task, 'd', { leaseMs: HOUR })).toBe(true);
  });

  test('a sweep removes old orphans, records its result, and skips while another process sweeps', async () => {
    const store = new LocalEvidenceStore(join(root, 'run'));
    const orphan = await oldOrphan(store, 'orphan for the scheduled sweep');
    const first = createEvidenceMaintenance({ db: handle.db, store, workerId: 'first' });
    const second = createEvidenceMaintenance({ db: handle.db, store, workerId: 'second' });
    expect(await claimTask(handle.db, EVIDENCE_GC_TASK, 'other', { leaseMs: HOUR })).toBe(true);
    expect(await first.runOnce(true)).toBeUndefined();
    await finishTask(handle.db, EVIDENCE_GC_TASK, 'other', 0, { result: null });
    const result = await first.runOnce();
    expect(result?.removed).toEqual([{ sha256: orphan, size: 30 }]);
    expect(await storedHashes(store)).toEqual([]);
    expect(await second.runOnce()).toBeUndefined(); // done by `first` less than an hour ago
    const row = await handle.db
      .selectFrom('maintenance_tasks')
      .select(['last_result', 'next_run_at'])
      .where('task', '=', EVIDENCE_GC_TASK)
      .executeTakeFirstOrThrow();
    expect(row.last_result).toMatchObject({ scanned: 1, removed: 1, dryRun: false });
    expect(row.next_run_at.getTime()).toBeGreaterThan(Date.now() + HOUR - 60_000);
  });
});

describe('the workspace sweeps at start-up', () => {
  it('removes an orphan left before it started', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mica-gc-startup-'));
    const database = await freshDatabase('pglite');
    try {
      const store = new LocalEvidenceStore(join(dataDir, 'evidence'));
      await oldOrphan(store, 'left by the previous run');
      const workspace = await openWorkspace({ dataDir, database, catalogue: await catalogue() });
      try {
        await workspace.app.ready();
        for (let i = 0; i < 100 && (await storedHashes(store)).length > 0; i += 1) await sleep(50);
        expect(await storedHashes(store)).toEqual([]);
      } finally {
        await workspace.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
