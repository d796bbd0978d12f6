import { sql, type Kysely } from 'kysely';

// Server processes remember answers of hot reads (db/change-feed.ts, http/response-cache.ts) until the database
// changes. They learn of a change through PostgreSQL's LISTEN/NOTIFY: a statement-level trigger on every table
// notifies the channel `mica_changes` in the writing transaction, so the notification is delivered at commit (never
// for a rollback), once per transaction (PostgreSQL folds identical notifications), whatever code path wrote.
// Left out: tables no remembered answer reads and that change all the time (job leases and progress, sign-in
// throttling, maintenance leases, better-auth's verification tokens), and the migrator's own tables.
// A table added later must call `notifyChanges` in its migration; change-feed.test.ts fails on one that does not.
export const UNNOTIFIED_TABLES: readonly string[] = [
  'jobs',
  'sign_in_throttle',
  'maintenance_tasks',
  'auth_verifications',
  'kysely_migration',
  'kysely_migration_lock',
];

export const CHANGES_CHANNEL = 'mica_changes';

/** Makes every committed write to `table` notify the change channel (one trigger for all four statement kinds). */
export async function notifyChanges(db: Kysely<unknown>, table: string): Promise<void> {
  await sql`create trigger ${sql.id(`${table}_notify_change`)} after insert or update or delete or truncate
    on ${sql.table(table)} for each statement execute function mica_notify_change()`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function mica_notify_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify(${sql.lit(CHANGES_CHANNEL)}, '');
      return null;
    end
    $$`.execute(db);
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(
    db,
  );
  for (const { name } of tables.rows) if (!UNNOTIFIED_TABLES.includes(name)) await notifyChanges(db, name);
}
