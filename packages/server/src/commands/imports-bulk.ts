/**
 * The transaction of an import, with a bulk writer for its staging tables: `COPY … FROM STDIN` on PostgreSQL
 * (pg-copy-streams), JSON batches on PGlite. Everything happens in ONE transaction: the rows copied, the merge that
 * follows, the imports row and the audit entries commit or roll back together.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, sql, type PostgresPoolClient, type Transaction } from 'kysely';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { nativeDriverOf } from '../db/native.ts';
import type { Database } from '../db/schema.ts';
import { binaryCopyChunks, type BinaryType } from './imports-binary.ts';

export type Cell = string | number | null;

/** Appends rows to a table of the import's transaction (a temporary staging table), in order. */
export interface BulkWriter {
  readonly method: 'copy' | 'json';
  write(
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly Cell[]>,
    options?: {
      /** Columns whose cells are JSON texts (for jsonb columns). */
      readonly json?: readonly string[];
      /** Called with the number of rows written so far, now and then. */
      readonly onRows?: (written: number) => void;
    },
  ): Promise<void>;
  /**
   * Appends rows to any table of the transaction in PostgreSQL's binary COPY format (imports-binary.ts), each column
   * with its type; absent on PGlite.
   */
  readonly writeBinary?: (
    table: string,
    columns: readonly (readonly [name: string, type: BinaryType])[],
    rows: Iterable<readonly Cell[]>,
    onRows?: (written: number) => void,
  ) => Promise<void>;
}

type Tx = Transaction<Database>;

// PostgreSQL text cannot hold NUL: it becomes U+FFFD rather than failing the whole import.
const COPY_SPECIAL = /[\\\t\n\r\0]/;
const COPY_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\0': '\uFFFD',
};

/** One field of COPY's text format: `\N` for null, backslash escapes for the separators. */
export function copyField(value: Cell): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r\0]/g, (c) => COPY_ESCAPES[c] ?? c) : value;
}

const CHUNK_CHARS = 1 << 20;

/** COPY text-format lines in chunks of about 1 MiB, counting rows as they go. */
export function* copyChunks(
  rows: Iterable<readonly Cell[]>,
  onRows?: (written: number) => void,
): Generator<string> {
  let lines: string[] = [];
  let chars = 0;
  let count = 0;
  for (const row of rows) {
    const line = `${row.map(copyField).join('\t')}\n`;
    lines.push(line);
    chars += line.length;
    count += 1;
    if (chars >= CHUNK_CHARS) {
      yield lines.join('');
      onRows?.(count);
      lines = [];
      chars = 0;
    }
  }
  if (lines.length > 0) yield lines.join('');
  onRows?.(count);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function copyStatement(table: string, columns: readonly string[], binary = false): string {
  for (const name of [table, ...columns])
    if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return `copy ${table} (${columns.map((c) => `"${c}"`).join(', ')}) from stdin${binary ? ' with (format binary)' : ''}`;
}

function postgresCopy(client: pg.PoolClient): BulkWriter {
  return {
    method: 'copy',
    async write(table, columns, rows, options = {}) {
      const stream = client.query(copyStreams.from(copyStatement(table, columns)));
      await pipeline(Readable.from(copyChunks(rows, options.onRows)), stream);
    },
    async writeBinary(table, columns, rows, onRows) {
      const names = columns.map(([name]) => name);
      const stream = client.query(copyStreams.from(copyStatement(table, names, true)));
      await pipeline(Readable.from(binaryCopyChunks(columns, rows, onRows)), stream);
    },
  };
}

/** Rows per statement of the JSON writer: a few MiB of JSON text, one parameter. */
const ROWS_PER_STATEMENT = 4000;

function jsonCell(value: Cell): string {
  if (typeof value === 'string')
    return JSON.stringify(value.includes('\0') ? value.replaceAll('\0', '\uFFFD') : value);
  return value === null || !Number.isFinite(value) ? 'null' : String(value);
}

/**
 * Batches of rows as one JSON text each, unpacked by `json_populate_recordset` into the staging table's own row
 * type: the writer on PGlite, where it measured faster than both `COPY … FROM '/dev/blob'` and multi-row INSERTs
 * (bench/src/import-db.bench.ts prints the three), and on any database opened without a registered pool.
 */
export function jsonWriter(tx: Tx): BulkWriter {
  return {
    method: 'json',
    async write(table, columns, rows, options = {}) {
      const raw = new Set(options.json ?? []);
      const keys = columns.map((c) => `${JSON.stringify(c)}:`);
      let batch: string[] = [];
      let count = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const text = `[${batch.join(',')}]`;
        await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
          select ${sql.join(columns.map((c) => sql.ref(`x.${c}`)))}
          from json_populate_recordset(null::${sql.table(table)}, ${text}::json) as x`.execute(tx);
        count += batch.length;
        batch = [];
        options.onRows?.(count);
      };
      for (const row of rows) {
        // A JSON column's cell is already JSON text: embedded as is, so it becomes an object, not a string.
        batch.push(
          `{${row.map((v, i) => keys[i] + (raw.has(columns[i] ?? '') && v !== null ? String(v) : jsonCell(v))).join(',')}}`,
        );
        if (batch.length >= ROWS_PER_STATEMENT) await flush();
      }
      await flush();
    },
  };
}

/** Runs `work` in one transaction on one PostgreSQL connection, which it also uses for COPY. */
async function onPostgres<T>(pool: pg.Pool, work: (tx: Tx, writer: BulkWriter) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // Kysely over this one connection: its statements and the COPY streams share the transaction.
  const lease: PostgresPoolClient = {
    query: client.query.bind(client),
    release: () => undefined,
  };
  const single = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: { connect: () => Promise.resolve(lease), end: () => Promise.resolve(), options: {} },
    }),
  });
  let failed = false;
  try {
    return await single.transaction().execute((tx) => work(tx, postgresCopy(client)));
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await single.destroy();
    // After a failure mid-COPY the connection's state is not worth trusting: the pool opens a fresh one.
    client.release(failed);
  }
}

/**
 * Runs `work` in one transaction with a bulk writer: COPY on a PostgreSQL database opened by `openDatabase`, JSON
 * batches otherwise (PGlite). All or nothing: a throw anywhere rolls everything back.
 */
export function inImportTransaction<T>(
  db: Kysely<Database>,
  work: (tx: Tx, writer: BulkWriter) => Promise<T>,
): Promise<T> {
  const native = nativeDriverOf(db);
  if (native !== undefined) return onPostgres(native.pool, work);
  return db.transaction().execute((tx) => work(tx, jsonWriter(tx)));
}
