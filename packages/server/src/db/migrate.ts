import type { Kysely } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { DomainError } from '@mica-audit/core';
import { MIGRATIONS } from './migrations/index.ts';
import type { Database } from './schema.ts';

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

/** Brings the database to the latest schema; forward-only. Returns the names of the migrations applied now. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined)
    throw new DomainError(
      'db.migration_failed',
      `database migration failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        kind: 'internal',
        cause: error,
      },
    );
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
