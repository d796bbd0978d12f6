import type { Migration } from 'kysely/migration';
import * as initialSchema from './20261122133000-initial-schema.ts';
import * as invitations from './20261122141500-invitations.ts';

/** Every migration, by name. Static so that bundling or type stripping never depends on reading a folder. */
export const MIGRATIONS: Record<string, Migration> = {
  '20261122133000-initial-schema': initialSchema,
  '20261122141500-invitations': invitations,
};
