import { open, rename, rm } from 'node:fs/promises';
import { buffer } from 'node:stream/consumers';
import { sql, type Kysely, type Transaction } from 'kysely';
import { DomainError } from '@mica-audit/core';
import type { Database } from '../db/schema.ts';
import type { EvidenceStore } from '../evidence/store.ts';
import { ArchiveWriter, sha256Hex, type BackupManifest, type RowLine } from './archive.ts';
import { ident, readSchemaGraph, USER_TABLES } from './tables.ts';

export interface BackupResult {
  readonly file: string;
  readonly manifest: BackupManifest;
}

async function rowsOf(tx: Transaction<Database>, table: string, column: string, values: readonly string[]) {
  if (values.length === 0) return [];
  const result = await sql<{ r: string }>`
    select row_to_json(t)::text as r from ${ident(table)} t
    where ${sql.ref(`t.${column}`)} in (${sql.join(values)}) order by 1`.execute(tx);
  return result.rows.map((row) => row.r);
}

/**
 * Writes one organisation — its rows, the users they name (with their password and TOTP rows), its audit-log
 * entries and every evidence file — into a JSON-lines archive: a manifest, the rows, the files (base64), and an
 * end line hashing everything before it. Read in one repeatable-read transaction, so the archive is consistent.
 */
export async function backupOrganisation(
  db: Kysely<Database>,
  store: EvidenceStore,
  organisationId: string,
  outFile: string,
): Promise<BackupResult> {
  const { lines, files, counts } = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      // Timestamps as UTC text, so an archive made on either driver is byte-identical.
      await sql`set local timezone to 'UTC'`.execute(tx);
      const graph = await readSchemaGraph(tx);
      const out: RowLine[] = [];
      const counted: Record<string, number> = {};
      const push = (table: string, rows: readonly string[]) => {
        counted[table] = rows.length;
        for (const r of rows) out.push({ t: table, r });
      };
      const organisation = await rowsOf(tx, 'organisations', 'id', [organisationId]);
      if (organisation.length === 0)
        throw new DomainError(
          'backup.unknown_organisation',
          `no organisation ${organisationId} here: check the id and the database`,
          { kind: 'not_found' },
        );
      const tenantRows = new Map<string, string[]>();
      for (const table of graph.tenantTables)
        tenantRows.set(table, await rowsOf(tx, table, 'organisation_id', [organisationId]));
      // Every user a tenant row points at (members, authors, owners…), so foreign keys hold after restore.
      const userIds = new Set<string>();
      for (const key of graph.foreignKeys.filter((k) => k.refTable === 'users'))
        for (const r of tenantRows.get(key.table) ?? []) {
          const value = (JSON.parse(r) as Record<string, unknown>)[key.column];
          if (typeof value === 'string') userIds.add(value);
        }
      const users = [...userIds].sort();
      push('organisations', organisation);
      push('users', await rowsOf(tx, 'users', 'id', users));
      for (const table of USER_TABLES) push(table, await rowsOf(tx, table, 'user_id', users));
      for (const table of graph.tenantTables) push(table, tenantRows.get(table) ?? []);
      const audit = await sql<{ r: string }>`
        select row_to_json(a)::text as r from audit_log a where organisation_id = ${organisationId} order by seq`.execute(
        tx,
      );
      push(
        'audit_log',
        audit.rows.map((row) => row.r),
      );
      // The store holds evidence files and report files; `imports.sha256` is the hash of a tool file not kept.
      const hashes = new Set<string>();
      const add = (value: unknown) => {
        if (typeof value === 'string') hashes.add(value);
      };
      for (const r of tenantRows.get('evidence') ?? []) add((JSON.parse(r) as { sha256?: unknown }).sha256);
      for (const r of tenantRows.get('reports') ?? []) {
        const files = (JSON.parse(r) as { files?: unknown }).files;
        for (const file of Array.isArray(files) ? files : []) add((file as { sha256?: unknown }).sha256);
      }
      return { lines: out, files: [...hashes].sort(), counts: counted };
    });
  const contents = new Map<string, Buffer>();
  for (const hash of files) {
    const bytes = await buffer(await store.open(hash));
    if (sha256Hex(bytes) !== hash)
      throw new DomainError(
        'backup.corrupt_evidence',
        `the stored file ${hash} does not match its hash: restore it from an older backup first`,
        { kind: 'internal' },
      );
    contents.set(hash, bytes);
  }
  const manifest: BackupManifest = {
    format: 'mica-audit-backup',
    version: 1,
    organisationId,
    createdAt: new Date().toISOString(),
    counts,
    files: files.map((sha256) => ({ sha256, size: contents.get(sha256)?.length ?? 0 })),
  };
  // Written beside the target and renamed at the end, so a failed backup never leaves a half archive.
  const partial = `${outFile}.partial`;
  const handle = await open(partial, 'w', 0o600);
  try {
    const writer = new ArchiveWriter(handle);
    await writer.add(manifest);
    for (const line of lines) await writer.add(line);
    for (const [f, bytes] of contents) await writer.add({ f, b: bytes.toString('base64') });
    await writer.end();
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(partial, { force: true });
    throw error;
  }
  await handle.close();
  await rename(partial, outFile);
  return { file: outFile, manifest };
}
