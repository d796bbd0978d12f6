import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/audit-log.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { LocalEvidenceStore, storedHashes } from '../evidence/store.ts';
import { DATABASE_KINDS, freshDatabase, skipKind } from '../test/databases.ts';
import { catalogue } from '../test/harness.ts';
import { seedDemo } from './seed.ts';

describe.each(DATABASE_KINDS)('demo seed on %s', (kind) => {
  let handle: DatabaseHandle;
  let dir: string;
  const test = it.skipIf(skipKind(kind));
  beforeAll(async () => {
    if (skipKind(kind)) return;
    handle = await freshDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'mica-demo-'));
  }, 120_000);
  afterAll(async () => {
    if (skipKind(kind)) return;
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  test('seeds every assessment status, evidence, registers and a valid audit chain; reuses it the second time', async () => {
    const store = new LocalEvidenceStore(join(dir, 'evidence'));
    const first = await seedDemo(handle.db, store, await catalogue());
    expect(first.created).toBe(true);
    const statuses = await handle.db
      .selectFrom('assessments')
      .select('status')
      .distinct()
      .where('engagement_id', '=', first.engagementId)
      .execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(
      ['compliant', 'non-compliant', 'not-applicable', 'not-assessed', 'partially-compliant'].sort(),
    );
    expect(await storedHashes(store)).toHaveLength(3);
    for (const table of ['assets', 'findings', 'risks', 'actions', 'incidents'] as const)
      expect((await handle.db.selectFrom(table).select('id').execute()).length).toBeGreaterThan(0);
    expect(await verifyAuditLog(handle.db)).toMatchObject({ ok: true });
    const second = await seedDemo(handle.db, store, await catalogue());
    expect(second).toMatchObject({
      created: false,
      engagementId: first.engagementId,
      organisationId: first.organisationId,
    });
  });
});
