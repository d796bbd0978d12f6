import { sql, type Kysely } from 'kysely';

// Writable risk and incident registers and the persisted action plan. Versions give optimistic concurrency; the
// structured risk fields that core computes over (assets, threat, vulnerabilities, residual, acceptance) live in
// `risks.detail`, the review date in its own column so overdue risks can be queried. Each engagement may set its
// own risk matrix and appetite (null: core's default 5×5).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('risks')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('next_review_at', 'timestamptz')
    .execute();
  await db.schema
    .alterTable('engagements')
    .addColumn('risk_matrix', 'jsonb')
    .addColumn('risk_appetite', 'integer')
    .execute();
  await db.schema
    .alterTable('incidents')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('aware_at', 'timestamptz')
    .addColumn('classified_at', 'timestamptz')
    .addColumn('initial_sent_at', 'timestamptz')
    .addColumn('intermediate_sent_at', 'timestamptz')
    .addColumn('final_sent_at', 'timestamptz')
    .addColumn('impact', 'jsonb', (c) =>
      c.notNull().defaultTo(sql`'{"criticalServicesAffected":false}'::jsonb`),
    )
    .execute();
  await db.schema
    .alterTable('actions')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // One plan per engagement, stored whole: merges, splits and edits span several items, and core's regeneration
  // needs the previous plan (with its `edits`) to keep people's work.
  await db.schema
    .createTable('action_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().unique().references('engagements.id'))
    .addColumn('plan', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('action_plans_organisation_idx')
    .on('action_plans')
    .column('organisation_id')
    .execute();
}
