// The references of a finding (engagement, asset, import) are checked once per statement by a trigger instead of
// per-row foreign keys (migration 20261122190000-findings-references-per-statement): these tests hold it to what the
// foreign keys guaranteed, and to the tenant rules they did not check (an asset or import of another engagement).
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSchemaGraph } from '../backup/tables.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { json } from '../db/json.ts';
import { DATABASE_KINDS, freshDatabase, skipKind } from '../test/databases.ts';
import { seedImportTarget, type ImportTarget } from './imports-test-seed.ts';

interface Refs {
  readonly organisationId: string;
  readonly engagementId: string;
  readonly assetId?: string | null;
  readonly importId?: string | null;
}

const row = (refs: Refs) => ({
  id: randomUUID(),
  organisation_id: refs.organisationId,
  engagement_id: refs.engagementId,
  asset_id: refs.assetId ?? null,
  import_id: refs.importId ?? null,
  title: 'T',
  severity: 'high',
  source: 'Scanner',
  fingerprint: randomUUID(),
  detail: json({}),
});

/** The SQLSTATE a statement fails with, or 'ok'. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return String((error as { code?: unknown }).code ?? error);
  }
}

async function addAsset(db: Kysely<Database>, organisationId: string, engagementId: string | null) {
  const id = randomUUID();
  await db
    .insertInto('assets')
    .values({ id, organisation_id: organisationId, engagement_id: engagementId, name: 'A', kind: 'host' })
    .execute();
  return id;
}

async function addImport(db: Kysely<Database>, organisationId: string, engagementId: string) {
  const id = randomUUID();
  await db
    .insertInto('imports')
    .values({
      id,
      organisation_id: organisationId,
      engagement_id: engagementId,
      file_name: 'f',
      sha256: '0'.repeat(64),
      size: 1,
      format: 'sarif',
      tool: 'Scanner',
      counts: json({}),
    })
    .execute();
  return id;
}

describe.each(DATABASE_KINDS)('references of findings on %s', (kind) => {
  let handle: DatabaseHandle;
  let mine: ImportTarget;
  let other: ImportTarget;
  const test = it.skipIf(skipKind(kind));

  beforeAll(async () => {
    if (skipKind(kind)) return;
    handle = await freshDatabase(kind);
    mine = await seedImportTarget(handle.db, 2);
    other = await seedImportTarget(handle.db, 1);
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await handle.close();
  }, 120_000);

  const insert =
    (...rows: readonly Refs[]) =>
    () =>
      handle.db.insertInto('findings').values(rows.map(row)).execute();

  test('a finding names an engagement of its own organisation, and an asset and import of that engagement', async () => {
    const { db } = handle;
    const org = mine.organisationId;
    const [eng = '', eng2 = ''] = mine.engagementIds;
    const otherEng = other.engagementIds[0] ?? '';
    const asset = await addAsset(db, org, eng);
    const orgAsset = await addAsset(db, org, null);
    const asset2 = await addAsset(db, org, eng2);
    const imported = await addImport(db, org, eng);
    const imported2 = await addImport(db, org, eng2);
    const otherAsset = await addAsset(db, other.organisationId, otherEng);
    const ok = { organisationId: org, engagementId: eng };
    expect(
      await outcome(insert({ ...ok, assetId: asset, importId: imported }, { ...ok, assetId: orgAsset })),
    ).toBe('ok');
    // Each wrong reference fails the whole statement, however many good rows come with it.
    const good = Array.from({ length: 50 }, () => ({ ...ok, assetId: asset, importId: imported }));
    const wrong: readonly Refs[] = [
      { organisationId: org, engagementId: randomUUID() },
      { organisationId: org, engagementId: otherEng },
      { organisationId: other.organisationId, engagementId: eng },
      { ...ok, assetId: randomUUID() },
      { ...ok, assetId: asset2 },
      { ...ok, assetId: otherAsset },
      { ...ok, importId: randomUUID() },
      { ...ok, importId: imported2 },
    ];
    for (const refs of wrong) expect(await outcome(insert(...good, refs))).toBe('23503');
    const stored = await db
      .selectFrom('findings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('engagement_id', '=', eng)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(2);
    // An update is held to the same rules.
    const moveTo = (assetId: string) => () =>
      db.updateTable('findings').set({ asset_id: assetId }).where('engagement_id', '=', eng).execute();
    expect(await outcome(moveTo(asset2))).toBe('23503');
    expect(await outcome(moveTo(orgAsset))).toBe('ok');
  });

  test('an engagement, asset or import that findings name cannot be deleted or re-keyed', async () => {
    const { db } = handle;
    const org = mine.organisationId;
    const eng = mine.engagementIds[1] ?? '';
    const asset = await addAsset(db, org, eng);
    const imported = await addImport(db, org, eng);
    await insert({ organisationId: org, engagementId: eng, assetId: asset, importId: imported })();
    const attempts = [
      () => db.deleteFrom('assets').where('id', '=', asset).execute(),
      () => db.deleteFrom('imports').where('id', '=', imported).execute(),
      () => db.deleteFrom('engagements').where('id', '=', eng).execute(),
      () => db.updateTable('assets').set({ id: randomUUID() }).where('id', '=', asset).execute(),
      () => db.updateTable('assets').set({ engagement_id: null }).where('id', '=', asset).execute(),
      () => db.updateTable('imports').set({ id: randomUUID() }).where('id', '=', imported).execute(),
      () => db.updateTable('engagements').set({ id: randomUUID() }).where('id', '=', eng).execute(),
    ];
    for (const attempt of attempts) expect(await outcome(attempt)).toBe('23503');
    // Other changes of the parents pass, and so does deleting an asset once its findings let go of it.
    expect(
      await outcome(() => db.updateTable('assets').set({ name: 'B' }).where('id', '=', asset).execute()),
    ).toBe('ok');
    await db.updateTable('findings').set({ asset_id: null }).where('asset_id', '=', asset).execute();
    expect(await outcome(() => db.deleteFrom('assets').where('id', '=', asset).execute())).toBe('ok');
  });

  test('a restore inserts the parents a finding names before the findings', async () => {
    const { tenantTables } = await readSchemaGraph(handle.db);
    const at = (table: string) => tenantTables.indexOf(table);
    for (const parent of ['engagements', 'assets', 'imports']) {
      expect(at(parent)).toBeGreaterThanOrEqual(0);
      expect(at(parent)).toBeLessThan(at('findings'));
    }
  });

  it.skipIf(skipKind(kind) || kind !== 'postgres')(
    'a parent named by an uncommitted finding stays locked until commit, then refuses deletion',
    async () => {
      const { db } = handle;
      const org = mine.organisationId;
      const eng = mine.engagementIds[0] ?? '';
      const asset = await addAsset(db, org, eng);
      const deleteAsset = (timeoutMs: number) => () =>
        db.transaction().execute(async (tx) => {
          await sql`set local lock_timeout = ${sql.lit(`${timeoutMs}ms`)}`.execute(tx);
          await tx.deleteFrom('assets').where('id', '=', asset).execute();
        });
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('findings')
          .values(row({ organisationId: org, engagementId: eng, assetId: asset }))
          .execute();
        // 55P03: lock_not_available. The asset is locked FOR KEY SHARE, as a foreign key would lock it.
        expect(await outcome(deleteAsset(300))).toBe('55P03');
      });
      expect(await outcome(deleteAsset(5_000))).toBe('23503');
    },
  );
});
