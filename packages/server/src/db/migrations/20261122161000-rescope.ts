import { sql, type Kysely } from 'kysely';

// Re-scoping an engagement when its entity's profile changes. Auditor work is never deleted: an assessment whose
// requirement no longer applies keeps its row and gets `out_of_scope` (JSON: since when, which profile version,
// the scoping reasons in English and French); null means in scope. Lists, scores and reports read only in-scope
// rows, hence the partial index.
// `engagements.profile_version` records which entity profile version the snapshot was taken from, so the engagement
// can say that a newer one exists. Existing engagements get the latest version that existed when they were opened.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('assessments').addColumn('out_of_scope', 'jsonb').execute();
  await db.schema
    .createIndex('assessments_in_scope_idx')
    .on('assessments')
    .columns(['organisation_id', 'engagement_id', 'requirement_urn'])
    .where(sql.ref('out_of_scope'), 'is', null)
    .execute();
  await db.schema.alterTable('engagements').addColumn('profile_version', 'integer').execute();
  await backfillProfileVersions(db);
}

/** Sets the profile version of engagements that have none: the latest one that existed when they were opened. */
export async function backfillProfileVersions(db: Kysely<unknown>): Promise<void> {
  await sql`
    update engagements e set profile_version = coalesce(
      (select max(p.version) from entity_profiles p
        where p.entity_id = e.entity_id and p.organisation_id = e.organisation_id and p.created_at <= e.created_at),
      (select min(p.version) from entity_profiles p
        where p.entity_id = e.entity_id and p.organisation_id = e.organisation_id))
    where e.profile_version is null`.execute(db);
}
