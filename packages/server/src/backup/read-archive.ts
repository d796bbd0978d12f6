import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { DomainError } from '@mica-audit/core';
import { sha256Hex, type BackupManifest, type EndLine, type FileLine, type RowLine } from './archive.ts';

export interface ReadArchive {
  readonly manifest: BackupManifest;
  /** Rows by table, in archive order. */
  readonly rows: ReadonlyMap<string, readonly string[]>;
  readonly files: ReadonlyMap<string, Buffer>;
}

function refuse(code: string, message: string): DomainError {
  return new DomainError(`restore.${code}`, `${message}: the archive was not restored`, { kind: 'invalid' });
}

/**
 * Reads and checks a whole archive before anything is written: the end line's count and hash, the manifest's row
 * counts, and the SHA-256 and size of every file. Any mismatch refuses the archive.
 */
export async function readArchive(path: string): Promise<ReadArchive> {
  const hash = createHash('sha256');
  let manifest: BackupManifest | undefined;
  let end: EndLine | undefined;
  let count = 0;
  const rows = new Map<string, string[]>();
  const files = new Map<string, Buffer>();
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (end !== undefined) throw refuse('trailing_data', 'the archive goes on after its end line');
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw refuse('malformed', `line ${count + 1} is not JSON`);
    }
    const record = value as Partial<BackupManifest & RowLine & FileLine & EndLine>;
    if (record.end === true) {
      end = record as EndLine;
      continue;
    }
    hash.update(`${line}\n`);
    count += 1;
    if (count === 1) {
      if (record.format !== 'mica-audit-backup' || record.version !== 1)
        throw refuse('not_a_backup', 'the first line is not a mica-audit backup manifest (version 1)');
      manifest = record as BackupManifest;
    } else if (typeof record.t === 'string' && typeof record.r === 'string') {
      const list = rows.get(record.t) ?? [];
      list.push(record.r);
      rows.set(record.t, list);
    } else if (typeof record.f === 'string' && typeof record.b === 'string') {
      const bytes = Buffer.from(record.b, 'base64');
      if (sha256Hex(bytes) !== record.f)
        throw refuse('hash_mismatch', `the evidence file ${record.f} does not match its SHA-256`);
      files.set(record.f, bytes);
    } else throw refuse('malformed', `line ${count} is neither a row nor a file`);
  }
  if (manifest === undefined) throw refuse('not_a_backup', 'the file is empty');
  if (end === undefined) throw refuse('truncated', 'the archive has no end line (truncated?)');
  if (end.lines !== count || end.sha256 !== hash.digest('hex'))
    throw refuse(
      'hash_mismatch',
      'the archive lines do not match the hash of its end line (altered or truncated)',
    );
  for (const [table, expected] of Object.entries(manifest.counts))
    if ((rows.get(table)?.length ?? 0) !== expected)
      throw refuse(
        'count_mismatch',
        `the manifest lists ${expected} rows of ${table}, the archive holds ${rows.get(table)?.length ?? 0}`,
      );
  for (const table of rows.keys())
    if (manifest.counts[table] === undefined)
      throw refuse('count_mismatch', `rows of ${table} are not in the manifest`);
  for (const file of manifest.files) {
    const bytes = files.get(file.sha256);
    if (bytes?.length !== file.size)
      throw refuse('missing_file', `the evidence file ${file.sha256} is missing or has the wrong size`);
  }
  if (files.size !== manifest.files.length)
    throw refuse('count_mismatch', 'the archive holds files the manifest does not list');
  return { manifest, rows, files };
}
