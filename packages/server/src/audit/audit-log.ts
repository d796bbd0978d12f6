import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { json } from '../db/json.ts';
import { canonicalJson, plainJson } from './canonical-json.ts';

/** The hash that precedes the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  readonly organisationId: string | null;
  readonly actorId: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

interface HashedFields {
  readonly seq: number;
  readonly organisationId: string | null;
  readonly actorId: string | null;
  readonly at: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** sha256(prev_hash + canonical JSON of the entry). The entry includes its sequence number, so reordering shows. */
export function entryHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

/** PostgreSQL's limit on the parameters of one statement (a 16-bit count in the wire protocol). */
const MAX_PARAMETERS = 65_535;

/**
 * Appends entries in order inside the caller's transaction: one lock, one read of the chain head, the hashes
 * chained in memory, and as few multi-row inserts as the parameter limit allows. The table lock serialises
 * appenders so the chain never forks; it is held only until the write transaction commits, so callers append
 * last. Entries of one call share their time: they were written by one transaction.
 */
export async function appendAuditEntries(
  tx: Transaction<Database>,
  inputs: readonly AuditEntryInput[],
): Promise<void> {
  if (inputs.length === 0) return;
  await sql`lock table audit_log in exclusive mode`.execute(tx);
  const last = await tx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const at = new Date().toISOString();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = inputs.map((input) => {
    seq += 1;
    const fields: HashedFields = {
      seq,
      organisationId: input.organisationId,
      actorId: input.actorId,
      at,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: plainJson(input.before),
      after: plainJson(input.after),
    };
    const hash = entryHash(prevHash, fields);
    const row = {
      seq,
      organisation_id: fields.organisationId,
      actor_id: fields.actorId,
      at,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      before: json(fields.before),
      after: json(fields.after),
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  const perInsert = Math.floor(MAX_PARAMETERS / Object.keys(rows[0] ?? {}).length);
  for (let i = 0; i < rows.length; i += perInsert)
    await tx
      .insertInto('audit_log')
      .values(rows.slice(i, i + perInsert))
      .execute();
}

/** Appends one entry inside the caller's transaction (see appendAuditEntries). */
export function appendAudit(tx: Transaction<Database>, input: AuditEntryInput): Promise<void> {
  return appendAuditEntries(tx, [input]);
}

export type VerifyResult =
  | { readonly ok: true; readonly entries: number; readonly lastHash: string }
  | {
      readonly ok: false;
      readonly entries: number;
      /** The sequence number of the first entry that does not check out. */
      readonly seq: number;
      readonly problem: 'edited' | 'reordered-or-deleted';
      readonly message: string;
    };

/** Walks the whole chain in order and reports the first entry that was edited, reordered or deleted. */
export async function verifyAuditLog(db: Kysely<Database>): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  const pageSize = 1000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      entries += 1;
      if (row.seq !== expectedSeq || row.prev_hash !== prevHash) {
        const seq = Math.min(row.seq, expectedSeq);
        return {
          ok: false,
          entries,
          seq,
          problem: 'reordered-or-deleted',
          message: `audit log entry ${seq} is missing or out of order: entry ${row.seq} does not follow the entry before it`,
        };
      }
      const recomputed = entryHash(row.prev_hash, {
        seq: row.seq,
        organisationId: row.organisation_id,
        actorId: row.actor_id,
        at: row.at,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
      });
      if (recomputed !== row.hash)
        return {
          ok: false,
          entries,
          seq: row.seq,
          problem: 'edited',
          message: `audit log entry ${row.seq} (${row.action} ${row.entity_type} ${row.entity_id}) was edited after it was written`,
        };
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < pageSize) return { ok: true, entries, lastHash: prevHash };
  }
}
