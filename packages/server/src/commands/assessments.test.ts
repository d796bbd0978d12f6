import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError, type Actor } from '@mica-audit/core';
import { verifyAuditLog } from '../audit/audit-log.ts';
import { actorOf } from '../auth/users.ts';
import type { Database } from '../db/schema.ts';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';
import { bulkUpdateAssessments, updateAssessment, type AssessmentChange } from './assessments.ts';
import { inTransaction } from './context.ts';

interface Row {
  readonly id: string;
  readonly version: number;
}

/** The error a command threw, as the HTTP layer sees it. */
async function failure(work: Promise<unknown>) {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a domain error, got ${String(error)}`);
  return error;
}

describe.each(DATABASE_KINDS)('bulk assessment updates on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let db: Kysely<Database>;
  let auditor: Actor;
  let target: { organisationId: string; engagementId: string };
  let other: typeof target;
  const test = it.skipIf(skipKind(kind));

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('bulk');
    const { engagementId } = await seedEngagement(h, org);
    target = { organisationId: org.id, engagementId };
    db = h.workspace.database.db;
    auditor = await actorOf(db, org.userIds.auditor);
    // Enough rows for a batch of 500 whatever the catalogue scopes in (bulk updates do not read the catalogue),
    // and a second engagement: writers of one engagement already queue on its assessments revision (a trigger),
    // so only batches of two engagements show whether the audit log's own lock keeps the chain whole.
    await addRows(target.engagementId, 520);
    other = { organisationId: org.id, engagementId: (await seedEngagement(h, org)).engagementId };
    await addRows(other.engagementId, 200);
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);

  const addRows = (engagementId: string, count: number) =>
    db
      .insertInto('assessments')
      .values(
        Array.from({ length: count }, (_, i) => ({
          id: randomUUID(),
          organisation_id: org.id,
          engagement_id: engagementId,
          requirement_urn: `urn:mica-audit:test:bulk-${String(i).padStart(3, '0')}`,
          status: 'not-assessed' as const,
          maturity: null,
        })),
      )
      .execute();
  const rows = (engagement = target): Promise<Row[]> =>
    db
      .selectFrom('assessments')
      .select(['id', 'version'])
      .where('engagement_id', '=', engagement.engagementId)
      .where('requirement_urn', 'like', 'urn:mica-audit:test:bulk-%')
      .orderBy('requirement_urn')
      .execute();
  const entries = async () =>
    Number(
      (
        await db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const bulk = (actor: Actor, changes: readonly AssessmentChange[], engagement = target) =>
    inTransaction(db, (tx) => bulkUpdateAssessments({ actor, input: { ...engagement, changes }, tx }));

  test('a batch of 500 commits with one audit entry per change, in order, and a chain that verifies', async () => {
    const batch = (await rows()).slice(0, 500);
    const before = await entries();
    const changes = batch.map((r, i): AssessmentChange => ({
      id: r.id,
      version: r.version,
      status: i % 2 === 0 ? 'compliant' : 'non-compliant',
      maturity: i % 6,
      observation: `checked ${i}`,
      ...(i % 7 === 0 ? { assigneeId: org.userIds.reviewer } : {}),
    }));
    const saved = await bulk(auditor, changes);
    expect(saved.map((a) => a.id)).toEqual(batch.map((r) => r.id));
    expect(saved[1]).toMatchObject({
      status: 'non-compliant',
      maturity: 1,
      observation: 'checked 1',
      assessorId: org.userIds.auditor,
      assigneeId: null,
      version: (batch[1]?.version ?? 0) + 1,
    });
    expect(saved[7]?.assigneeId).toBe(org.userIds.reviewer);
    const log = await db
      .selectFrom('audit_log')
      .select(['seq', 'action', 'entity_id', 'actor_id', 'before', 'after'])
      .where('seq', '>', before)
      .orderBy('seq')
      .execute();
    expect(log).toHaveLength(500);
    expect(log.map((e) => e.entity_id)).toEqual(batch.map((r) => r.id));
    expect(log[0]).toMatchObject({
      seq: before + 1,
      action: 'assessment.update',
      actor_id: org.userIds.auditor,
      before: { status: 'not-assessed', version: batch[0]?.version },
      after: { status: 'compliant', observation: 'checked 0', version: (batch[0]?.version ?? 0) + 1 },
    });
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true, entries: before + 500 });
  });

  test('a stale version in the middle rolls the whole batch back and names changes[i]', async () => {
    const batch = (await rows()).slice(0, 40);
    const stale = batch[23] as Row;
    // Someone else saves one of them first.
    const theirs = await inTransaction(db, (tx) =>
      updateAssessment({
        actor: auditor,
        input: { ...target, change: { id: stale.id, version: stale.version, status: 'not-applicable' } },
        tx,
      }),
    );
    const before = await entries();
    const error = await failure(
      bulk(
        auditor,
        batch.map((r) => ({ id: r.id, version: r.version, status: 'partially-compliant' as const })),
      ),
    );
    expect(error).toMatchObject({ code: 'assessment.version_conflict', kind: 'conflict' });
    expect(error.message).toBe(
      `changes[23].version: assessment ${stale.id} was changed by someone else (version ${theirs.version}, you edited ${stale.version}): reload it, reapply your change and save again`,
    );
    expect(error.details).toEqual({ current: theirs });
    expect(await entries()).toBe(before);
    const after = await rows();
    expect(after.slice(0, 40)).toEqual(batch.map((r) => (r.id === stale.id ? theirs : r)).map(pick));
  });

  test('the first bad change is the error, checked in the order of the batch as before', async () => {
    const current = await rows();
    const [a, b] = current.slice(100, 102) as [Row, Row];
    const c = current[515] as Row;
    const unknown = randomUUID();
    // An unknown id before a duplicate: 404, not the duplicate.
    const missing = await failure(
      bulk(auditor, [
        { id: a.id, version: a.version, status: 'compliant' },
        { id: unknown, version: 1, status: 'compliant' },
        { id: a.id, version: a.version, status: 'compliant' },
      ]),
    );
    expect(missing).toMatchObject({ code: 'assessment.not_found', kind: 'not_found' });
    expect(missing.message).toBe(
      `assessment ${unknown} not found: check the identifier and your organisation`,
    );
    // A duplicate before a stale version.
    const duplicate = await failure(
      bulk(auditor, [
        { id: a.id, version: a.version, status: 'compliant' },
        { id: a.id, version: a.version, status: 'compliant' },
        { id: b.id, version: b.version + 5, status: 'compliant' },
      ]),
    );
    expect(duplicate.message).toBe(`changes[1].id: ${a.id} appears twice in the batch`);
    expect(duplicate.path).toBe('changes[1].id');
    // An assignee outside the team is named with its change, before a later unknown id.
    await db
      .updateTable('engagements')
      .set({ team: JSON.stringify([org.userIds['lead-auditor'], org.userIds.auditor]) })
      .where('id', '=', target.engagementId)
      .execute();
    try {
      const outsider = await failure(
        bulk(auditor, [
          { id: a.id, version: a.version, assigneeId: org.userIds.auditor },
          { id: b.id, version: b.version, assigneeId: org.userIds.reviewer },
          { id: unknown, version: 1, status: 'compliant' },
        ]),
      );
      expect(outsider).toMatchObject({
        code: 'assessment.assignee_not_in_team',
        path: 'changes[1].assigneeId',
      });
    } finally {
      await db
        .updateTable('engagements')
        .set({
          team: JSON.stringify([
            org.userIds['lead-auditor'],
            org.userIds.auditor,
            org.userIds.contributor,
            org.userIds.reviewer,
          ]),
        })
        .where('id', '=', target.engagementId)
        .execute();
    }
    // Out of scope: 409 with the current state, nothing written.
    await db
      .updateTable('assessments')
      .set({
        out_of_scope: JSON.stringify({ since: '2026-11-30T10:00:00.000Z', by: 'x', profileVersion: 2 }),
      })
      .where('id', '=', c.id)
      .execute();
    const out = await failure(
      bulk(auditor, [
        { id: b.id, version: b.version, status: 'compliant' },
        { id: c.id, version: c.version, status: 'compliant' },
      ]),
    );
    expect(out).toMatchObject({ code: 'assessment.out_of_scope', kind: 'conflict' });
    expect(out.message).toMatch(
      new RegExp(`^assessment ${c.id}: requirement urn:mica-audit:test:bulk-515 is out`),
    );
    const unchanged = await rows();
    expect([...unchanged.slice(100, 102), unchanged[515]]).toEqual([a, b, c]);
  });

  test('a single update keeps its messages without a path', async () => {
    const [row] = (await rows()).slice(200, 201) as [Row];
    const error = await failure(
      inTransaction(db, (tx) =>
        updateAssessment({
          actor: auditor,
          input: { ...target, change: { id: row.id, version: row.version + 1, status: 'compliant' } },
          tx,
        }),
      ),
    );
    expect(error.message).toBe(
      `assessment ${row.id} was changed by someone else (version ${row.version}, you edited ${row.version + 1}): reload it, reapply your change and save again`,
    );
    expect(error.path).toBeUndefined();
  });

  // PGlite has one connection: transactions cannot overlap there.
  it.skipIf(skipKind(kind) || kind !== 'postgres')(
    'concurrent batches in two transactions queue on the audit log and never fork the chain',
    async () => {
      const all = await rows();
      const first = all.slice(300, 400);
      const second = (await rows(other)).slice(0, 100);
      const before = await entries();
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let firstWritten = () => {};
      const written = new Promise<void>((resolve) => {
        firstWritten = resolve;
      });
      // The first transaction writes its batch (audit entries included) and then waits before committing.
      const one = inTransaction(db, async (tx) => {
        const saved = await bulkUpdateAssessments({
          actor: auditor,
          input: {
            ...target,
            changes: first.map((r) => ({ id: r.id, version: r.version, status: 'compliant' })),
          },
          tx,
        });
        firstWritten();
        await held;
        return saved;
      });
      await written;
      let secondDone = false;
      const two = bulk(
        auditor,
        second.map((r) => ({ id: r.id, version: r.version, status: 'non-compliant' })),
        other,
      ).then((saved) => {
        secondDone = true;
        return saved;
      });
      // A third batch overlaps the first at the version both read: it waits for the first one's row locks, then
      // finds the version stale.
      const three = failure(
        bulk(auditor, [
          { id: all[510]?.id ?? '', version: all[510]?.version ?? 0, status: 'compliant' },
          { id: first[50]?.id ?? '', version: first[50]?.version ?? 0, status: 'not-applicable' },
        ]),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(secondDone).toBe(false);
      release();
      const [a, b, c] = await Promise.all([one, two, three]);
      expect(a).toHaveLength(100);
      expect(b).toHaveLength(100);
      expect(c).toMatchObject({ code: 'assessment.version_conflict', path: 'changes[1].version' });
      const log = await db
        .selectFrom('audit_log')
        .select(['seq', 'entity_id'])
        .where('seq', '>', before)
        .orderBy('seq')
        .execute();
      expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => before + 1 + i));
      expect(log.map((e) => e.entity_id)).toEqual([...first, ...second].map((r) => r.id));
      expect(await verifyAuditLog(db)).toMatchObject({ ok: true, entries: before + 200 });
      // Without gates: four batches at once, each one contiguous in the chain.
      const [mine, theirs] = [await rows(), await rows(other)];
      const quarters = [
        mine.slice(0, 100),
        mine.slice(100, 200),
        theirs.slice(0, 100),
        theirs.slice(100, 200),
      ];
      const start = await entries();
      await Promise.all(
        quarters.map((quarter, q) =>
          bulk(
            auditor,
            quarter.map((r) => ({ id: r.id, version: r.version, observation: 'concurrent' })),
            q < 2 ? target : other,
          ),
        ),
      );
      const runs = await db
        .selectFrom('audit_log')
        .select(['entity_id'])
        .where('seq', '>', start)
        .orderBy('seq')
        .execute();
      expect(runs).toHaveLength(400);
      const order = [0, 100, 200, 300].map((i) => quarters.findIndex((q) => q[0]?.id === runs[i]?.entity_id));
      expect([...order].sort()).toEqual([0, 1, 2, 3]);
      expect(runs.map((r) => r.entity_id)).toEqual(order.flatMap((q) => quarters[q]?.map((r) => r.id) ?? []));
      expect(await verifyAuditLog(db)).toMatchObject({ ok: true, entries: start + 400 });
    },
    60_000,
  );
});

function pick(row: Row): Row {
  return { id: row.id, version: row.version };
}
