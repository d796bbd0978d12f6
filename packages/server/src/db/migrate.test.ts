import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { DATABASE_KINDS, freshDatabase, skipKind } from '../test/databases.ts';

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    if (!skipKind(kind)) handle = await freshDatabase(kind);
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await handle.close();
  }, 120_000);

  it.skipIf(skipKind(kind))('creates every table and is idempotent', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(
      handle.db,
    );
    const names = rows.map((r) => r.table_name);
    for (const table of [
      'organisations',
      'memberships',
      'assessments',
      'evidence_links',
      'audit_log',
      'jobs',
      'invitations',
      'auth_two_factors',
    ])
      expect(names).toContain(table);
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it.skipIf(skipKind(kind))('rejects an assessment status outside the vocabulary', async () => {
    await handle.db.insertInto('organisations').values({ id: 'o1', name: 'Org' }).execute();
    const insert = sql`insert into assessments (id, organisation_id, engagement_id, requirement_urn, status)
      values ('a1', 'o1', 'missing', 'urn:x', 'great')`.execute(handle.db);
    await expect(insert).rejects.toThrow();
  });
});
