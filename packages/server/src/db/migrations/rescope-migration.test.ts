import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../connect.ts';
import { DATABASE_KINDS, freshDatabase, skipKind } from '../../test/databases.ts';
import { backfillProfileVersions } from './20261122161000-rescope.ts';

describe.each(DATABASE_KINDS)('migration 20261122161000-rescope on %s', (kind) => {
  let handle: DatabaseHandle;
  const test = it.skipIf(skipKind(kind));
  beforeAll(async () => {
    if (!skipKind(kind)) handle = await freshDatabase(kind);
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await handle.close();
  }, 120_000);

  test('gives existing engagements the profile version that was current when they were opened', async () => {
    const db = handle.db as unknown as Kysely<unknown>;
    await sql`insert into organisations (id, name) values ('o', 'Org')`.execute(db);
    await sql`insert into entities (id, organisation_id, name) values ('e', 'o', 'Entity')`.execute(db);
    const profile = (at: string, version: number) =>
      sql`insert into entity_profiles (id, organisation_id, entity_id, version, profile, created_at)
        values (${`p${version}`}, 'o', 'e', ${version}, '{}'::jsonb, ${at}::timestamptz)`.execute(db);
    const engagement = (id: string, at: string) =>
      sql`insert into engagements (id, organisation_id, entity_id, name, profile, catalogue, phase, created_at)
        values (${id}, 'o', 'e', ${id}, '{}'::jsonb, '[]'::jsonb, 'scoping', ${at}::timestamptz)`.execute(db);
    await profile('2026-01-01T00:00:00Z', 1);
    await engagement('after-v1', '2026-02-01T00:00:00Z');
    await profile('2026-03-01T00:00:00Z', 2);
    await engagement('after-v2', '2026-04-01T00:00:00Z');
    // Clock skew: an engagement stamped before the entity's first profile still gets a version.
    await engagement('skewed', '2025-12-31T00:00:00Z');
    await backfillProfileVersions(db);
    const { rows } = await sql<{ id: string; profile_version: number }>`
      select id, profile_version from engagements order by id`.execute(db);
    expect(rows).toEqual([
      { id: 'after-v1', profile_version: 1 },
      { id: 'after-v2', profile_version: 2 },
      { id: 'skewed', profile_version: 1 },
    ]);
  });

  test('keeps out-of-scope assessments as rows with their reasons', async () => {
    const db = handle.db as unknown as Kysely<unknown>;
    await sql`insert into assessments (id, organisation_id, engagement_id, requirement_urn, status, out_of_scope)
      values ('a', 'o', 'after-v1', 'urn:x', 'compliant', ${JSON.stringify({ reasons: [{ en: 'why', fr: 'pourquoi' }] })}::jsonb)`.execute(
      db,
    );
    const { rows } = await sql<{ reason: string }>`
      select out_of_scope->'reasons'->0->>'fr' as reason from assessments where id = 'a'`.execute(db);
    expect(rows).toEqual([{ reason: 'pourquoi' }]);
  });
});
