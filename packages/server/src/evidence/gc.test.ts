import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { DATABASE_KINDS, freshDatabase, skipKind } from '../test/databases.ts';
import { releaseContent, sweepOrphanEvidence } from './gc.ts';
import { LocalEvidenceStore, storedHashes } from './store.ts';

const HOUR = 60 * 60 * 1000;

/** Organisation, entity and engagement rows for evidence and report rows to hang on. */
async function seedTenant(db: Kysely<Database>): Promise<{ org: string; engagement: string }> {
  const org = randomUUID();
  const entity = randomUUID();
  const engagement = randomUUID();
  await sql`insert into organisations (id, name) values (${org}, 'GC test')`.execute(db);
  await sql`insert into entities (id, organisation_id, name) values (${entity}, ${org}, 'Entity')`.execute(
    db,
  );
  await sql`insert into engagements (id, organisation_id, entity_id, name, profile, catalogue, phase)
    values (${engagement}, ${org}, ${entity}, 'Audit', '{}', '{}', 'scoping')`.execute(db);
  return { org, engagement };
}

function insertEvidence(db: Kysely<Database>, org: string, sha256: string) {
  return db
    .insertInto('evidence')
    .values({
      id: randomUUID(),
      organisation_id: org,
      engagement_id: null,
      title: 'policy',
      sha256,
      size: 1,
      media_type: 'application/pdf',
      file_name: 'policy.pdf',
      effective_date: null,
      expiry_date: null,
      previous_id: null,
      uploaded_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

describe.each(DATABASE_KINDS)('evidence orphan sweep on %s', (kind) => {
  const skip = skipKind(kind);
  const test = it.skipIf(skip);
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let root: string;
  let store: LocalEvidenceStore;
  let tenant: { org: string; engagement: string };

  /** Stores `text` (no row refers to it yet); `ageMs` back-dates it as if committed that long ago. */
  async function put(text: string, ageMs = 0): Promise<string> {
    const staged = await store.stage(Readable.from([Buffer.from(text)]));
    await staged.commit();
    if (ageMs > 0) {
      const then = new Date(Date.now() - ageMs);
      await utimes(join(root, 'sha256', staged.sha256.slice(0, 2), staged.sha256), then, then);
    }
    return staged.sha256;
  }

  beforeAll(async () => {
    if (skip) return;
    handle = await freshDatabase(kind);
    db = handle.db;
    tenant = await seedTenant(db);
  }, 120_000);
  afterAll(async () => {
    if (!skip) await handle.close();
  }, 120_000);
  beforeEach(async () => {
    if (skip) return;
    root = await mkdtemp(join(tmpdir(), 'mica-gc-'));
    store = new LocalEvidenceStore(root);
    await db.deleteFrom('evidence').execute();
    await db.deleteFrom('reports').execute();
    return () => rm(root, { recursive: true, force: true });
  });

  test('removes old unreferenced content; keeps what evidence or reports refer to, and anything recent', async () => {
    const evidence = await put('custody policy', 2 * HOUR);
    const report = await put('%PDF report', 2 * HOUR);
    const orphan = await put('left by a crash', 2 * HOUR);
    const importedOnly = await put('a tool file whose hash an import recorded', 2 * HOUR);
    const recent = await put('upload in flight');
    await insertEvidence(db, tenant.org, evidence);
    await sql`insert into reports (id, organisation_id, engagement_id, lang, report_version, files, manifest, audit_log_head)
      values (${randomUUID()}, ${tenant.org}, ${tenant.engagement}, 'en', '1',
        ${JSON.stringify([{ file: 'r.pdf', format: 'pdf', sha256: report, size: 11, mediaType: 'application/pdf' }])}::jsonb,
        '{}', 'head')`.execute(db);
    await sql`insert into imports (id, organisation_id, engagement_id, file_name, sha256, size, format, tool, counts)
      values (${randomUUID()}, ${tenant.org}, ${tenant.engagement}, 'scan.sarif', ${importedOnly}, 1, 'sarif', 'x', '{}')`.execute(
      db,
    );

    const dry = await sweepOrphanEvidence(db, store, { olderThanMs: HOUR, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, scanned: 5, recent: 1, referenced: 2 });
    expect(dry.removed.map((r) => r.sha256).sort()).toEqual([orphan, importedOnly].sort());
    expect(await storedHashes(store)).toHaveLength(5);

    const swept = await sweepOrphanEvidence(db, store, { olderThanMs: HOUR });
    expect(swept).toMatchObject({ dryRun: false, scanned: 5, recent: 1, referenced: 2 });
    expect(swept.removedBytes).toBe(
      Buffer.byteLength('left by a crash') + Buffer.byteLength('a tool file whose hash an import recorded'),
    );
    expect(await storedHashes(store)).toEqual([evidence, report, recent].sort());
    expect((await sweepOrphanEvidence(db, store, { olderThanMs: HOUR })).removed).toEqual([]);
  });

  test('removes content once the last evidence row referring to it is deleted and committed', async () => {
    const shared = await put('one file, two pieces of evidence');
    const first = await insertEvidence(db, tenant.org, shared);
    const second = await insertEvidence(db, tenant.org, shared);
    await db.deleteFrom('evidence').where('id', '=', first.id).execute();
    expect(await releaseContent(db, store, [shared])).toEqual([]);
    expect(await store.has(shared)).toBe(true);
    await db.deleteFrom('evidence').where('id', '=', second.id).execute();
    expect(await releaseContent(db, store, [shared, shared])).toEqual([shared]);
    expect(await store.has(shared)).toBe(false);
  });

  test('never removes content a transaction in flight is committing, and collects it after a rollback', async () => {
    const staged = await store.stage(Readable.from([Buffer.from('committed inside a slow transaction')]));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inside: () => void = () => undefined;
    const committedFile = new Promise<void>((resolve) => (inside = resolve));
    const writer = db.transaction().execute(async (tx) => {
      await insertEvidence(tx, tenant.org, staged.sha256);
      await staged.commit();
      inside();
      await held;
    });
    await committedFile;
    let sweepDone = false;
    // No grace period at all: only the table locks protect the content.
    const sweep = sweepOrphanEvidence(db, store, { olderThanMs: 0 }).then((result) => {
      sweepDone = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sweepDone).toBe(false);
    release();
    await writer;
    expect((await sweep).removed).toEqual([]);
    expect(await store.has(staged.sha256)).toBe(true);

    const rolledBack = await store.stage(
      Readable.from([Buffer.from('the transaction failed after the file')]),
    );
    await expect(
      db.transaction().execute(async (tx) => {
        await insertEvidence(tx, tenant.org, rolledBack.sha256);
        await rolledBack.commit();
        throw new Error('COMMIT failed');
      }),
    ).rejects.toThrow('COMMIT failed');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const later = await sweepOrphanEvidence(db, store, { olderThanMs: 0 });
    expect(later.removed.map((r) => r.sha256)).toEqual([rolledBack.sha256]);
    expect(await storedHashes(store)).toEqual([staged.sha256]);
  });
});
