import { sql, type Kysely } from 'kysely';

// Findings imported from security tools (`source` holds the tool name): deduplicated per engagement by fingerprint, status history kept on the
// row (every transition with its time, reason and import or actor), requirement links as a JSON array of URNs, and
// one `imports` row per imported file. Assets get a normalised key so re-imports upsert them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('tool', 'text', (c) => c.notNull())
    .addColumn('tool_version', 'text')
    .addColumn('counts', 'jsonb', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('imports_engagement_idx')
    .on('imports')
    .columns(['organisation_id', 'engagement_id', 'created_at'])
    .execute();
  await db.schema
    .alterTable('findings')
    .addColumn('rule_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('audit_type', 'text')
    .addColumn('asset_key', 'text')
    .addColumn('requirements', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('status_history', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('first_seen', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('import_id', 'text', (c) => c.references('imports.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('findings_fingerprint_uq')
    .on('findings')
    .columns(['engagement_id', 'fingerprint'])
    .unique()
    .execute();
  await db.schema
    .alterTable('assets')
    .addColumn('key', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('assets_key_uq')
    .on('assets')
    .columns(['engagement_id', 'kind', 'key'])
    .unique()
    .where(sql.ref('key'), 'is not', null)
    .execute();
}
