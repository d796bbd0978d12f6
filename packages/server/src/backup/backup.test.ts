import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/audit-log.ts';
import { createUser } from '../auth/users.ts';
import { skipKind, type DatabaseKind } from '../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';
import { multipartFile } from '../test/multipart.ts';
import { backupOrganisation } from './backup.ts';
import { restoreOrganisation } from './restore.ts';
import { storedHashes } from '../evidence/store.ts';

const DIRECTIONS: readonly [DatabaseKind, DatabaseKind][] = [
  ['pglite', 'postgres'],
  ['postgres', 'pglite'],
];

/** The archive minus its manifest's creation time and end line: what must be identical after a round trip. */
async function body(file: string): Promise<string[]> {
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
  const manifest = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
  return [JSON.stringify({ ...manifest, createdAt: '' }), ...lines.slice(1, -1)];
}

describe.each(DIRECTIONS)('backup from %s, restore into %s', (from, to) => {
  const skip = skipKind(from) || skipKind(to);
  const test = it.skipIf(skip);
  let source: Harness;
  let target: Harness;
  let org: TestOrg;
  let archive: string;
  const evidence = [Buffer.from('%PDF-1.7 custody policy v1'), Buffer.from([0, 1, 2, 3, 255, 254, 10, 13])];

  beforeAll(async () => {
    if (skip) return;
    source = await openHarness(from);
    target = await openHarness(to);
    org = await source.organisation('backup');
    const { engagementId } = await seedEngagement(source, org);
    let previous = '';
    for (const [i, content] of evidence.entries()) {
      const { payload, headers } = multipartFile(content, `file-${i}.pdf`);
      const url = `/api/organisations/${org.id}/evidence?engagementId=${engagementId}${previous}`;
      const response = await source.workspace.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { ...headers, authorization: `Bearer ${org.tokens.auditor}` },
      });
      expect(response.statusCode).toBe(201);
      previous = `&previousId=${response.json<{ id: string }>().id}`;
    }
    await source.request(
      org.tokens.auditor,
      'POST',
      `/api/organisations/${org.id}/comments/engagement/${engagementId}`,
      {
        body: 'kick-off held on 2 November',
      },
    );
    archive = join(source.dataDir, 'org.backup.jsonl');
  }, 180_000);
  afterAll(async () => {
    if (skip) return;
    await source?.close();
    await target?.close();
  }, 120_000);

  test('round-trips every row and evidence byte exactly, and the audit chain verifies', async () => {
    const made = await backupOrganisation(
      source.workspace.database.db,
      source.workspace.services.store,
      org.id,
      archive,
    );
    expect(made.manifest.counts.evidence).toBe(2);
    expect(made.manifest.counts.memberships).toBe(5);
    expect(made.manifest.files).toHaveLength(2);
    expect(made.manifest.counts.comments).toBe(1);
    const restored = await restoreOrganisation(
      target.workspace.database.db,
      target.workspace.services.store,
      archive,
    );
    expect(restored.manifest.organisationId).toBe(org.id);
    const again = join(target.dataDir, 'again.jsonl');
    await backupOrganisation(target.workspace.database.db, target.workspace.services.store, org.id, again);
    expect(await body(again)).toEqual(await body(archive));
    for (const bytes of evidence) {
      const { createHash } = await import('node:crypto');
      const hash = createHash('sha256').update(bytes).digest('hex');
      const stream = await target.workspace.services.store.open(hash);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    }
    expect(await verifyAuditLog(target.workspace.database.db)).toMatchObject({ ok: true });
  }, 120_000);

  test('refuses a second restore of the same organisation, and an altered archive, changing nothing', async () => {
    const db = target.workspace.database.db;
    const before = await db
      .selectFrom('evidence')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(restoreOrganisation(db, target.workspace.services.store, archive)).rejects.toMatchObject({
      code: 'restore.organisation_exists',
    });
    const lines = (await readFile(archive, 'utf8')).split('\n');
    const fileLine = lines.findIndex((l) => l.startsWith('{"f":'));
    const altered = JSON.parse(lines[fileLine] ?? '') as { f: string; b: string };
    lines[fileLine] = JSON.stringify({ ...altered, b: Buffer.from('forged').toString('base64') });
    const forged = join(source.dataDir, 'forged.jsonl');
    await writeFile(forged, lines.join('\n'));
    await expect(restoreOrganisation(db, target.workspace.services.store, forged)).rejects.toMatchObject({
      code: 'restore.hash_mismatch',
    });
    const rowEdited = (await readFile(archive, 'utf8')).replace('kick-off held', 'kick-off faked');
    await writeFile(forged, rowEdited);
    await expect(restoreOrganisation(db, target.workspace.services.store, forged)).rejects.toMatchObject({
      code: 'restore.hash_mismatch',
    });
    const after = await db
      .selectFrom('evidence')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  }, 60_000);

  test('restores nothing at all when a row conflicts half-way (a user email taken under another id)', async () => {
    const other = await openHarness('pglite');
    try {
      const db = other.workspace.database.db;
      await createUser(db, {
        email: 'auditor1@backup.test',
        name: 'Someone else',
        password: 'another password',
      });
      await expect(restoreOrganisation(db, other.workspace.services.store, archive)).rejects.toMatchObject({
        code: 'restore.user_conflict',
      });
      expect(await db.selectFrom('organisations').selectAll().execute()).toEqual([]);
      expect(await db.selectFrom('users').select('email').execute()).toEqual([
        { email: 'auditor1@backup.test' },
      ]);
      expect(await storedHashes(other.workspace.services.store)).toEqual([]);
    } finally {
      await other.close();
    }
  }, 60_000);
});
