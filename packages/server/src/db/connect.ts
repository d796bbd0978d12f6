import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  readonly pgliteDir?: string | undefined;
}

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// int8 (count(*), sums) as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

/** Opens the database (PostgreSQL when a URL is given, PGlite otherwise) and migrates it to the latest schema. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  let db: Kysely<Database>;
  let kind: DatabaseHandle['kind'];
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client whose connection the server ends (restart, failover, admin termination) emits 'error' on the
    // pool; unhandled, that would crash the process. The pool drops the client and the next query reconnects.
    pool.on('error', (error: Error) => {
      process.emitWarning(`PostgreSQL connection lost while idle: ${error.message}`, {
        code: 'MICA_AUDIT_PG_IDLE',
      });
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    kind = 'postgres';
  } else {
    const dir = options.pgliteDir ?? 'memory://';
    if (!dir.startsWith('memory://')) await mkdir(dir, { recursive: true });
    const pglite = new PGlite(dir, { parsers: { 20: (value: string) => Number(value) } });
    db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    kind = 'pglite';
  }
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, kind, close: () => db.destroy() };
}

/** Where the PGlite database lives inside a data directory. */
export function pgliteDirOf(dataDir: string): string {
  return join(dataDir, 'db');
}
