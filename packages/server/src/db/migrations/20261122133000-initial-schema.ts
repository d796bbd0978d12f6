import { sql, type Kysely } from 'kysely';

// Forward-only: there is no `down`. Every tenant-owned table carries organisation_id so each query can filter on it.
const id = 'text' as const;

async function tenantTable(db: Kysely<unknown>, name: string, build: (t: TableBuilder) => TableBuilder) {
  const base = db.schema
    .createTable(name)
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('organisation_id', id, (c) => c.notNull().references('organisations.id'));
  await build(base)
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex(`${name}_organisation_idx`).on(name).column('organisation_id').execute();
}

type TableBuilder = ReturnType<Kysely<unknown>['schema']['createTable']>;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // users, auth_sessions, auth_accounts and auth_verifications follow better-auth's core schema (snake_case
  // columns, mapped in auth/better-auth.ts); the password lives in auth_accounts (provider_id 'credential').
  await db.schema
    .createTable('users')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email_verified', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('two_factor_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('image', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('memberships')
    .addColumn('organisation_id', id, (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin','lead-auditor','auditor','contributor','reviewer')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('memberships_pk', ['organisation_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('auth_sessions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('user_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip_address', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('auth_accounts')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('user_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('access_token', 'text')
    .addColumn('refresh_token', 'text')
    .addColumn('id_token', 'text')
    .addColumn('access_token_expires_at', 'timestamptz')
    .addColumn('refresh_token_expires_at', 'timestamptz')
    .addColumn('scope', 'text')
    .addColumn('password', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('auth_verifications')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('auth_two_factors') // better-auth's two-factor plugin: TOTP secret and backup codes, encrypted
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('user_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('backup_codes', 'text', (c) => c.notNull())
    .addColumn('verified', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('failed_verification_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .execute();
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('user_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await tenantTable(db, 'entities', (t) => t.addColumn('name', 'text', (c) => c.notNull()));
  await tenantTable(db, 'entity_profiles', (t) =>
    t
      .addColumn('entity_id', id, (c) => c.notNull().references('entities.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('profile', 'jsonb', (c) => c.notNull())
      .addColumn('created_by', id, (c) => c.references('users.id'))
      .addUniqueConstraint('entity_profiles_version_uq', ['entity_id', 'version']),
  );
  await tenantTable(db, 'engagements', (t) =>
    t
      .addColumn('entity_id', id, (c) => c.notNull().references('entities.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('profile', 'jsonb', (c) => c.notNull())
      .addColumn('catalogue', 'jsonb', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text')
      .addColumn('end_date', 'text')
      .addColumn('team', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`)),
  );
  await tenantTable(db, 'assessments', (t) =>
    t
      .addColumn('engagement_id', id, (c) => c.notNull().references('engagements.id'))
      .addColumn('requirement_urn', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`status in ('compliant','partially-compliant','non-compliant','not-applicable','not-assessed')`,
          ),
      )
      .addColumn('maturity', 'integer', (c) => c.check(sql`maturity between 0 and 5`))
      .addColumn('observation', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('interview_notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('assessor_id', id, (c) => c.references('users.id'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('assessments_requirement_uq', ['engagement_id', 'requirement_urn']),
  );
  await db.schema
    .createIndex('assessments_engagement_idx')
    .on('assessments')
    .column('engagement_id')
    .execute();
  await tenantTable(db, 'evidence', (t) =>
    t
      .addColumn('engagement_id', id, (c) => c.references('engagements.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('effective_date', 'text')
      .addColumn('expiry_date', 'text')
      .addColumn('previous_id', id, (c) => c.references('evidence.id').unique()) // a version chain never forks
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('uploaded_by', id, (c) => c.references('users.id')),
  );
  await tenantTable(db, 'evidence_links', (t) =>
    t
      .addColumn('evidence_id', id, (c) => c.notNull().references('evidence.id'))
      .addColumn('requirement_urn', 'text', (c) => c.notNull())
      .addUniqueConstraint('evidence_links_uq', ['evidence_id', 'requirement_urn']),
  );
  await tenantTable(db, 'assets', (t) =>
    t
      .addColumn('engagement_id', id, (c) => c.references('engagements.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('criticality', 'text', (c) => c.notNull().defaultTo('medium')),
  );
  await tenantTable(db, 'findings', (t) =>
    t
      .addColumn('engagement_id', id, (c) => c.notNull().references('engagements.id'))
      .addColumn('asset_id', id, (c) => c.references('assets.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('cvss', 'real')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)),
  );
  await tenantTable(db, 'risks', (t) =>
    t
      .addColumn('engagement_id', id, (c) => c.notNull().references('engagements.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('likelihood', 'integer', (c) => c.notNull())
      .addColumn('impact', 'integer', (c) => c.notNull())
      .addColumn('treatment', 'text', (c) => c.notNull().defaultTo('mitigate'))
      .addColumn('owner_id', id, (c) => c.references('users.id'))
      .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)),
  );
  await tenantTable(db, 'actions', (t) =>
    t
      .addColumn('engagement_id', id, (c) => c.notNull().references('engagements.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('due_date', 'text')
      .addColumn('owner_id', id, (c) => c.references('users.id'))
      .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)),
  );
  await tenantTable(db, 'incidents', (t) =>
    t
      .addColumn('engagement_id', id, (c) => c.references('engagements.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('classification', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)),
  );
  await tenantTable(db, 'comments', (t) =>
    t
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('author_id', id, (c) => c.notNull().references('users.id'))
      .addColumn('body', 'text', (c) => c.notNull()),
  );
  await tenantTable(db, 'jobs', (t) =>
    t
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
      .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('result', 'jsonb')
      .addColumn('error', 'text')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`)),
  );
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('organisation_id', id)
    .addColumn('actor_id', id)
    .addColumn('at', 'text', (c) => c.notNull()) // ISO string exactly as hashed, so no precision is lost
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_organisation_idx')
    .on('audit_log')
    .columns(['organisation_id', 'seq'])
    .execute();
}
