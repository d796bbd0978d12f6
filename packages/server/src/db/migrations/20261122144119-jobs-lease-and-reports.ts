import { sql, type Kysely } from 'kysely';

// The jobs table becomes a durable queue: a claimed job holds a lease (`locked_until`) that its worker extends while
// it runs; a job whose lease expired (its process died) is claimed again, up to `max_attempts` times.
// Issued reports record their files (content-addressed in the store) and their manifest.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('jobs')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'timestamptz')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .alterTable('jobs')
    .addCheckConstraint('jobs_status_check', sql`status in ('queued','running','done','failed')`)
    .execute();
  await db.schema.createIndex('jobs_claim_idx').on('jobs').columns(['status', 'created_at']).execute();
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('job_id', 'text', (c) => c.references('jobs.id'))
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('en','fr')`))
    .addColumn('report_version', 'text', (c) => c.notNull())
    .addColumn('files', 'jsonb', (c) => c.notNull())
    .addColumn('manifest', 'jsonb', (c) => c.notNull())
    .addColumn('audit_log_head', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('reports_engagement_idx')
    .on('reports')
    .columns(['organisation_id', 'engagement_id', 'created_at'])
    .execute();
}
