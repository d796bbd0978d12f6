import { Readable } from 'node:stream';
import { sql, type Kysely, type Transaction } from 'kysely';
import { DomainError } from '@mica-audit/core';
import { entryHash, GENESIS_HASH } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import type { EvidenceStore, StagedFile } from '../evidence/store.ts';
import type { BackupManifest } from './archive.ts';
import { readArchive } from './read-archive.ts';
import { ident, readSchemaGraph, USER_TABLES, type ForeignKey } from './tables.ts';

export interface RestoreResult {
  readonly manifest: BackupManifest;
  /** Users that already existed in the target (same id and email) and were kept as they were. */
  readonly existingUsers: number;
}

async function insertRow(tx: Transaction<Database>, table: string, row: string): Promise<void> {
  await sql`insert into ${ident(table)} select * from json_populate_record(null::${ident(table)}, ${row}::json)`.execute(
    tx,
  );
}

/** Rows of a self-referencing table, each after the row it points at (an evidence version after its previous one). */
function parentsFirst(rows: readonly string[], selfKeys: readonly ForeignKey[]): string[] {
  if (selfKeys.length === 0) return [...rows];
  const parsed = rows.map((r) => ({ r, v: JSON.parse(r) as Record<string, unknown> }));
  const done = new Set<unknown>();
  const out: string[] = [];
  let pending = parsed;
  while (pending.length > 0) {
    const ids = new Set(pending.map((p) => p.v.id));
    const ready = pending.filter((p) =>
      selfKeys.every((k) => p.v[k.column] == null || !ids.has(p.v[k.column]) || done.has(p.v[k.column])),
    );
    const next = ready.length > 0 ? ready : pending.slice(0, 1);
    for (const p of next) {
      out.push(p.r);
      done.add(p.v.id);
    }
    pending = pending.filter((p) => !next.includes(p));
  }
  return out;
}

/** Appends the archived audit entries to the target's chain: same content and time, new sequence and hashes. */
async function appendEntries(tx: Transaction<Database>, entries: readonly string[]): Promise<void> {
  if (entries.length === 0) return;
  await sql`lock table audit_log in exclusive mode`.execute(tx);
  const last = await tx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS_HASH;
  for (const text of entries) {
    const e = JSON.parse(text) as Record<string, unknown> & {
      at: string;
      action: string;
      entity_type: string;
      entity_id: string;
    };
    seq += 1;
    const hash = entryHash(prev, {
      seq,
      organisationId: e.organisation_id as string | null,
      actorId: e.actor_id as string | null,
      at: e.at,
      action: e.action,
      entityType: e.entity_type,
      entityId: e.entity_id,
      before: e.before ?? null,
      after: e.after ?? null,
    });
    await insertRow(tx, 'audit_log', JSON.stringify({ ...e, seq, prev_hash: prev, hash }));
    prev = hash;
  }
}

/**
 * Restores an archive made by `backupOrganisation` into this database and evidence store, all or nothing: the
 * archive is checked completely first (see `readArchive`), the organisation must not exist here, every row goes in
 * one transaction, and the files become visible only as that transaction commits.
 */
export async function restoreOrganisation(
  db: Kysely<Database>,
  store: EvidenceStore,
  archivePath: string,
): Promise<RestoreResult> {
  const archive = await readArchive(archivePath);
  const { manifest, rows } = archive;
  const staged: StagedFile[] = [];
  try {
    for (const [hash, bytes] of archive.files) {
      const file = await store.stage(Readable.from([bytes]));
      staged.push(file);
      if (file.sha256 !== hash) throw new Error(`staged ${hash} as ${file.sha256}`);
    }
    return await db.transaction().execute(async (tx) => {
      await sql`set local timezone to 'UTC'`.execute(tx);
      const graph = await readSchemaGraph(tx);
      const known = new Set([...graph.tenantTables, 'organisations', 'users', 'audit_log', ...USER_TABLES]);
      for (const table of rows.keys())
        if (!known.has(table))
          throw new DomainError(
            'restore.unknown_table',
            `the archive has rows of ${table}, which this database does not have: upgrade mica-audit first`,
            { kind: 'invalid' },
          );
      const exists = await tx
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', manifest.organisationId)
        .executeTakeFirst();
      if (exists !== undefined)
        throw new DomainError(
          'restore.organisation_exists',
          `organisation ${manifest.organisationId} already exists in this database: restore into an empty or different database`,
          { kind: 'conflict' },
        );
      for (const row of rows.get('organisations') ?? []) await insertRow(tx, 'organisations', row);
      const kept = new Set<string>();
      for (const row of rows.get('users') ?? []) {
        const user = JSON.parse(row) as { id: string; email: string };
        const same = await tx
          .selectFrom('users')
          .select(['id', 'email'])
          .where((eb) => eb.or([eb('id', '=', user.id), eb('email', '=', user.email)]))
          .execute();
        if (same.some((u) => u.id !== user.id || u.email !== user.email))
          throw new DomainError(
            'restore.user_conflict',
            `the user ${user.email} exists here under another id: rename or remove that account first`,
            { kind: 'conflict' },
          );
        if (same.length > 0) kept.add(user.id);
        else await insertRow(tx, 'users', row);
      }
      for (const table of USER_TABLES)
        for (const row of rows.get(table) ?? [])
          if (!kept.has((JSON.parse(row) as { user_id: string }).user_id)) await insertRow(tx, table, row);
      for (const table of graph.tenantTables) {
        const selfKeys = graph.foreignKeys.filter((k) => k.table === table && k.refTable === table);
        for (const row of parentsFirst(rows.get(table) ?? [], selfKeys)) await insertRow(tx, table, row);
      }
      await appendEntries(tx, rows.get('audit_log') ?? []);
      for (const file of staged) await file.commit();
      return { manifest, existingUsers: kept.size };
    });
  } catch (error) {
    for (const file of staged) await file.discard();
    throw error;
  }
}
