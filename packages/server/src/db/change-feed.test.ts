import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../faults/server-process.ts';
import { eventually } from '../faults/load.ts';
import { DATABASE_KINDS, freshDatabase, postgresAvailable, skipKind } from '../test/databases.ts';
import { CHANGE_FEED_APPLICATION } from './change-feed.ts';
import { openDatabase, type DatabaseHandle } from './connect.ts';
import { UNNOTIFIED_TABLES } from './migrations/20261122180000-change-notifications.ts';

/** The generation once the feed listens (the first call only starts listening on PostgreSQL). */
async function listening(handle: DatabaseHandle): Promise<number> {
  let generation: number | undefined;
  const ok = await eventually(
    async () => {
      generation = await handle.changes.settled();
      return generation !== undefined;
    },
    10_000,
    20,
  );
  expect(ok, 'the change feed never started listening').toBe(true);
  return generation ?? -1;
}

async function writeOrganisation(handle: DatabaseHandle, name: string): Promise<void> {
  await handle.db
    .insertInto('organisations')
    .values({ id: crypto.randomUUID(), name, created_at: new Date() })
    .execute();
}

describe.each(DATABASE_KINDS)('change feed on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    if (!skipKind(kind)) handle = await freshDatabase(kind);
  }, 60_000);
  afterAll(async () => handle?.close());

  it.skipIf(skipKind(kind))('notifies on every table but the listed bookkeeping ones', async () => {
    const missing = await sql<{ name: string }>`
      select t.tablename as name from pg_tables t
      where t.schemaname = current_schema()
        and not exists (select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
                        where c.relname = t.tablename and g.tgname = t.tablename || '_notify_change')
      order by 1`.execute(handle.db);
    // A table added by a later migration without `notifyChanges` would be missing here: its writes would go unseen
    // by every remembered answer.
    expect(missing.rows.map((r) => r.name)).toEqual([...UNNOTIFIED_TABLES].sort());
  });

  it.skipIf(skipKind(kind))('counts a committed write before the writer gets its answer back', async () => {
    for (let round = 0; round < 20; round++) {
      const before = await listening(handle);
      await writeOrganisation(handle, `feed ${round}`);
      expect(await handle.changes.settled()).toBeGreaterThan(before);
    }
  });

  it.skipIf(skipKind(kind))('does not count a rolled-back write', async () => {
    const before = await listening(handle);
    await expect(
      handle.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('organisations')
          .values({ id: crypto.randomUUID(), name: 'rolled back', created_at: new Date() })
          .execute();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await handle.changes.settled()).toBe(before);
  });

  it.skipIf(skipKind(kind))('answers undefined once closed', async () => {
    const other = await freshDatabase(kind);
    await listening(other);
    await other.close();
    expect(await other.changes.settled()).toBeUndefined();
  });
});

describe.skipIf(!postgresAvailable)('change feed across processes on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof throwawayDatabase>>;
  let writer: DatabaseHandle;
  let reader: DatabaseHandle;
  beforeAll(async () => {
    database = await throwawayDatabase();
    writer = await openDatabase({ databaseUrl: database.url });
    reader = await openDatabase({ databaseUrl: database.url });
  }, 60_000);
  afterAll(async () => {
    await writer?.close();
    await reader?.close();
    await database?.drop();
  });

  it("has seen another process's committed write once settled, every time", async () => {
    await listening(reader);
    for (let round = 0; round < 100; round++) {
      const before = await reader.changes.settled();
      await writeOrganisation(writer, `other process ${round}`);
      const after = await reader.changes.settled();
      expect(after, `round ${round}`).toBeGreaterThan(before ?? Number.POSITIVE_INFINITY);
    }
  });

  it('shares one barrier among concurrent callers and still orders each after its own call', async () => {
    const before = await listening(reader);
    const all = await Promise.all(Array.from({ length: 200 }, () => reader.changes.settled()));
    expect(new Set(all)).toEqual(new Set([before]));
  });

  it('answers undefined while its connection is lost, then listens again with a newer generation', async () => {
    const before = await listening(reader);
    const ended = await sql<{ ok: boolean }>`select pg_terminate_backend(pid) as ok from pg_stat_activity
      where datname = current_database() and application_name = ${CHANGE_FEED_APPLICATION}`.execute(
      writer.db,
    );
    expect(ended.rows).toEqual([{ ok: true }]);
    // Until it notices, a barrier fails (undefined); then it reconnects, and what it remembered is stale.
    const noticed = await eventually(async () => (await reader.changes.settled()) === undefined, 5_000, 10);
    expect(noticed).toBe(true);
    const after = await listening(reader);
    expect(after).toBeGreaterThan(before);
    await writeOrganisation(writer, 'after reconnection');
    expect(await reader.changes.settled()).toBeGreaterThan(after);
  });
});
