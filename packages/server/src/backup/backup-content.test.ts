import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedHashes } from '../evidence/store.ts';
import { openHarness, seedEngagement, type Harness } from '../test/harness.ts';
import { multipartFile } from '../test/multipart.ts';
import { backupOrganisation } from './backup.ts';
import { restoreOrganisation } from './restore.ts';

/** What the store holds for an organisation: evidence files and report files, not the hashes of imported tool files. */
describe('backup of store content', () => {
  let source: Harness;
  let target: Harness;
  beforeAll(async () => {
    source = await openHarness('pglite');
    target = await openHarness('pglite');
  }, 120_000);
  afterAll(async () => {
    await source.close();
    await target.close();
  }, 60_000);

  it('carries report files, and does not look for imported tool files in the store', async () => {
    const org = await source.organisation('content');
    const { engagementId } = await seedEngagement(source, org);
    const { payload, headers } = multipartFile('%PDF-1.7 access policy');
    const uploaded = await source.workspace.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/evidence?engagementId=${engagementId}`,
      payload,
      headers: { ...headers, authorization: `Bearer ${org.tokens.auditor}` },
    });
    expect(uploaded.statusCode).toBe(201);
    const evidenceHash = uploaded.json<{ sha256: string }>().sha256;
    const { db } = source.workspace.database;
    const store = source.workspace.services.store;
    const report = await store.stage(Readable.from([Buffer.from('%PDF-1.7 the audit report')]));
    await db.transaction().execute(async (tx) => {
      await sql`insert into reports (id, organisation_id, engagement_id, lang, report_version, files, manifest, audit_log_head)
        values (${randomUUID()}, ${org.id}, ${engagementId}, 'en', '1',
          ${JSON.stringify([{ file: 'report.pdf', format: 'pdf', sha256: report.sha256, size: report.size, mediaType: 'application/pdf' }])}::jsonb,
          '{}', 'head')`.execute(tx);
      await report.commit();
    });
    // An import records the hash of the tool file it read; that file is not kept in the store.
    await sql`insert into imports (id, organisation_id, engagement_id, file_name, sha256, size, format, tool, counts)
      values (${randomUUID()}, ${org.id}, ${engagementId}, 'scan.sarif', ${'ab'.repeat(32)}, 10, 'sarif', 'x', '{}')`.execute(
      db,
    );

    const archive = join(source.dataDir, 'content.jsonl');
    const made = await backupOrganisation(db, store, org.id, archive);
    expect(made.manifest.files.map((f) => f.sha256).sort()).toEqual([evidenceHash, report.sha256].sort());
    await restoreOrganisation(target.workspace.database.db, target.workspace.services.store, archive);
    expect(await storedHashes(target.workspace.services.store)).toEqual([evidenceHash, report.sha256].sort());
    const restored = await buffer(await target.workspace.services.store.open(report.sha256));
    expect(restored.toString()).toBe('%PDF-1.7 the audit report');
  }, 120_000);
});
