import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pgliteChangeFeed, postgresChangeFeed, type ChangeFeed } from './change-feed.ts';
import { migrateToLatest } from './migrate.ts';
import { registerNativeDriver } from './native.ts';
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
  /** Tells this process when the database changed, so that it may answer hot reads from memory (change-feed.ts). */
  readonly changes: ChangeFeed;
  close(): Promise<void>;
}

// int8 (count(*), sums) as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

// How long a request waits for a connection (a new one, or a free one of the pool) before it gets 503. Long enough
// that a burst of load queues rather than fails; short enough that a database host that drops packets (no
// ECONNREFUSED to fail fast on) does not hold requests for the OS's two-minute TCP timeout.
const CONNECT_TIMEOUT_MS = 30_000;

// SQLSTATEs of a server that is shutting down, restarting or refusing connections, and node-postgres' own
// messages for a connection lost or never made: the database is unavailable, not the request wrong.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_NET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'the database system is',
];

/** Whether an error (or one it wraps) says the database cannot be reached right now: worth a retry later. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
  if (typeof code === 'string' && UNAVAILABLE_NET_CODES.has(code)) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((text) => message.includes(text))) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/** Opens the database (PostgreSQL when a URL is given, PGlite otherwise) and migrates it to the latest schema. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  let db: Kysely<Database>;
  let kind: DatabaseHandle['kind'];
  let changes: () => Promise<ChangeFeed>;
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    // Broken clients are never reused: pg-pool drops a client that is no longer queryable when it is released.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // An idle client whose connection the server ends (restart, failover, admin termination) emits 'error' on the
    // pool; unhandled, that would crash the process. The pool drops the client and the next query reconnects.
    pool.on('error', (error: Error) => {
      process.emitWarning(`PostgreSQL connection lost while idle: ${error.message}`, {
        code: 'MICA_AUDIT_PG_IDLE',
      });
    });
    // A client checked out but between queries (inside a transaction, or a bulk COPY session) has no listener
    // for a server-side termination; node-postgres then emits 'error' on the client itself, which would crash the
    // process. This listener keeps it alive: the client is marked unqueryable, the request in hand fails (503) and
    // the pool discards the client when it comes back.
    pool.on('connect', (client) => {
      client.on('error', (error: Error) => {
        process.emitWarning(`PostgreSQL connection lost while in use: ${error.message}`, {
          code: 'MICA_AUDIT_PG_LOST',
        });
      });
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    registerNativeDriver(db, { kind: 'postgres', pool }); // COPY for bulk imports (commands/imports-bulk.ts)
    kind = 'postgres';
    const connectionString = options.databaseUrl;
    changes = () => Promise.resolve(postgresChangeFeed(connectionString));
  } else {
    const dir = options.pgliteDir ?? 'memory://';
    if (!dir.startsWith('memory://')) await mkdir(dir, { recursive: true });
    const pglite = new PGlite(dir, { parsers: { 20: (value: string) => Number(value) } });
    db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    kind = 'pglite';
    changes = () => pgliteChangeFeed(pglite);
  }
  let feed: ChangeFeed;
  try {
    await migrateToLatest(db);
    feed = await changes();
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    kind,
    changes: feed,
    async close() {
      await feed.close();
      await db.destroy();
    },
  };
}

/** Where the PGlite database lives inside a data directory. */
export function pgliteDirOf(dataDir: string): string {
  return join(dataDir, 'db');
}
