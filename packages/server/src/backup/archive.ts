import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

/** The first line of a backup archive. */
export interface BackupManifest {
  readonly format: 'mica-audit-backup';
  readonly version: 1;
  readonly organisationId: string;
  readonly createdAt: string;
  /** Rows per table, `organisations`, `users`, `auth_*` and `audit_log` included. */
  readonly counts: Readonly<Record<string, number>>;
  /** Every evidence file, by hash. */
  readonly files: readonly { readonly sha256: string; readonly size: number }[];
}

/** One row: the table and the row as PostgreSQL's `row_to_json` text (exact on both drivers). */
export interface RowLine {
  readonly t: string;
  readonly r: string;
}

/** One evidence file, base64. */
export interface FileLine {
  readonly f: string;
  readonly b: string;
}

/** The last line: how many lines precede it and the SHA-256 of their bytes, so truncation or edits show. */
export interface EndLine {
  readonly end: true;
  readonly lines: number;
  readonly sha256: string;
}

/** Writes the lines of an archive to a file, hashing them on the way. */
export class ArchiveWriter {
  private readonly hash = createHash('sha256');
  private count = 0;
  private readonly file: FileHandle;

  constructor(file: FileHandle) {
    this.file = file;
  }

  async add(value: BackupManifest | RowLine | FileLine): Promise<void> {
    const line = `${JSON.stringify(value)}\n`;
    this.hash.update(line);
    this.count += 1;
    await this.file.write(line);
  }

  async end(): Promise<void> {
    const end: EndLine = { end: true, lines: this.count, sha256: this.hash.digest('hex') };
    await this.file.write(`${JSON.stringify(end)}\n`);
  }
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
