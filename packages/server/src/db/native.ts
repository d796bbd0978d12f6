import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';

/**
 * The PostgreSQL pool under a Kysely instance, for the one thing Kysely cannot express: `COPY … FROM STDIN` (bulk
 * imports). Registered by `openDatabase`; PGlite and a Kysely built elsewhere have none, and callers fall back to
 * plain statements.
 */
export interface NativeDriver {
  readonly kind: 'postgres';
  readonly pool: pg.Pool;
}

const drivers = new WeakMap<Kysely<Database>, NativeDriver>();

/** Remembers the pool of a Kysely instance opened by `openDatabase` on PostgreSQL. */
export function registerNativeDriver(db: Kysely<Database>, driver: NativeDriver): void {
  drivers.set(db, driver);
}

/** The pool under `db`, when `openDatabase` opened it on PostgreSQL. */
export function nativeDriverOf(db: Kysely<Database>): NativeDriver | undefined {
  return drivers.get(db);
}
