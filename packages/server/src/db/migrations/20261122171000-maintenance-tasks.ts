import { sql, type Kysely } from 'kysely';

// Installation-wide maintenance (the sweep of unreferenced evidence content) runs in one process at a time and at
// most once per period: each task is a row whose lease (`locked_by`, `locked_until`, database clock) a process takes
// with one conditional UPDATE. Jobs cannot carry this work: a job belongs to an organisation, while content is
// shared by every organisation that uploaded the same bytes.
// The index on evidence.sha256 serves the sweep's "does any row still refer to this hash" lookups.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('maintenance_tasks')
    .addColumn('task', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_result', 'jsonb')
    .addColumn('last_error', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('evidence_sha256_idx').on('evidence').column('sha256').execute();
}
