import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { DATABASE_KINDS, freshDatabase, skipKind } from '../test/databases.ts';
import { appendAudit, appendAuditEntries, type AuditEntryInput, verifyAuditLog } from './audit-log.ts';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and renders dates as ISO strings', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: new Date(0) } })).toBe(
      '{"a":{"c":"1970-01-01T00:00:00.000Z","d":[2,{"x":0,"y":1}]},"b":1}',
    );
  });
});

describe.each(DATABASE_KINDS)('hash-chained audit log on %s', (kind) => {
  let handle: DatabaseHandle;
  const test = it.skipIf(skipKind(kind));

  beforeAll(async () => {
    if (!skipKind(kind)) handle = await freshDatabase(kind);
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await handle?.close();
  }, 120_000);
  // Each test tampers with its own fresh chain of five entries.
  beforeEach(async () => {
    if (skipKind(kind)) return;
    await handle.db.deleteFrom('audit_log').execute();
    for (let i = 1; i <= 5; i += 1)
      await handle.db.transaction().execute((tx) =>
        appendAudit(tx, {
          organisationId: 'org',
          actorId: 'user',
          action: 'assessment.update',
          entityType: 'assessment',
          entityId: `a${i}`,
          before: { status: 'not-assessed', version: i, note: 'é ✓' },
          after: { status: 'compliant', version: i + 1, maturity: 3.5 },
        }),
      );
  });

  test('verifies an untouched chain', async () => {
    expect(await verifyAuditLog(handle.db)).toMatchObject({ ok: true, entries: 5 });
  });

  test('names the entry whose content was edited with SQL', async () => {
    await sql`update audit_log set after = jsonb_set(after, '{status}', '"non-compliant"') where seq = 3`.execute(
      handle.db,
    );
    expect(await verifyAuditLog(handle.db)).toMatchObject({ ok: false, seq: 3, problem: 'edited' });
  });

  test('names a deleted entry', async () => {
    await sql`delete from audit_log where seq = 2`.execute(handle.db);
    expect(await verifyAuditLog(handle.db)).toMatchObject({
      ok: false,
      seq: 2,
      problem: 'reordered-or-deleted',
    });
  });

  test('names reordered entries', async () => {
    await sql`update audit_log set seq = -1 where seq = 4`.execute(handle.db);
    await sql`update audit_log set seq = 4 where seq = 5`.execute(handle.db);
    await sql`update audit_log set seq = 5 where seq = -1`.execute(handle.db);
    expect(await verifyAuditLog(handle.db)).toMatchObject({ ok: false, seq: 4 });
  });

  test('names an entry whose hash was recomputed without fixing the next one', async () => {
    await sql`update audit_log set entity_id = 'forged', hash = repeat('a', 64) where seq = 1`.execute(
      handle.db,
    );
    const result = await verifyAuditLog(handle.db);
    expect(result).toMatchObject({ ok: false, seq: 1 });
  });

  test('appends a batch after the head in order, one chain, in as many inserts as the parameter limit needs', async () => {
    // 6,000 entries of 11 columns are 66,000 parameters: more than one statement may carry.
    const batch: AuditEntryInput[] = Array.from({ length: 6000 }, (_, i) => ({
      organisationId: 'org',
      actorId: i % 2 === 0 ? 'user' : null,
      action: 'assessment.update',
      entityType: 'assessment',
      entityId: `b${i}`,
      before: { version: i },
      after: i % 3 === 0 ? null : { version: i + 1, note: `n° ${i}` },
    }));
    await handle.db.transaction().execute((tx) => appendAuditEntries(tx, batch));
    await handle.db.transaction().execute((tx) => appendAuditEntries(tx, []));
    const rows = await handle.db
      .selectFrom('audit_log')
      .select(['seq', 'entity_id', 'at'])
      .where('seq', '>', 5)
      .orderBy('seq')
      .execute();
    expect(rows).toHaveLength(6000);
    expect(rows[0]).toMatchObject({ seq: 6, entity_id: 'b0' });
    expect(rows[5999]).toMatchObject({ seq: 6005, entity_id: 'b5999' });
    expect(new Set(rows.map((r) => r.at)).size).toBe(1);
    await handle.db.transaction().execute((tx) =>
      appendAudit(tx, {
        organisationId: null,
        actorId: null,
        action: 'system.check',
        entityType: 'system',
        entityId: 'after-batch',
        before: undefined,
        after: null,
      }),
    );
    expect(await verifyAuditLog(handle.db)).toMatchObject({ ok: true, entries: 6006 });
    await sql`update audit_log set entity_id = 'forged' where seq = 3000`.execute(handle.db);
    expect(await verifyAuditLog(handle.db)).toMatchObject({ ok: false, seq: 3000, problem: 'edited' });
  }, 60_000);
});
