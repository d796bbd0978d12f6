import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, postgresAvailable } from '../test/databases.ts';
import type { DatabaseHandle } from './connect.ts';

describe.skipIf(!postgresAvailable)('PostgreSQL connections ended by the server', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await freshDatabase('postgres');
  });
  afterAll(async () => {
    await handle.close();
  });

  it('do not crash the process, and the next query reconnects', async () => {
    await sql`select 1`.execute(handle.db);
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(handle.db);
    const admin = new pg.Client({
      connectionString: process.env.MICA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    });
    await admin.connect();
    try {
      // What a PostgreSQL restart or failover does to idle pooled connections.
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [rows[0]?.name],
      );
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(again.rows[0]?.one).toBe(1);
  });
});
