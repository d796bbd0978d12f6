import { sql, type Kysely } from 'kysely';

// Imports run as jobs: each `imports` row names the job and the position of its file in the upload, so a job re-run
// after a crash finds what its first run committed and never imports twice (unique per job and position).
// Fingerprints are SHA-256 hex: byte order ("C" collation) compares them without locale rules, which the unique
// index and the merge of a 300,000-finding import do millions of times (it matters on a database whose default
// collation is a linguistic one such as en_US.UTF-8; on C or C.UTF-8 it changes nothing).
// A finding's organisation and engagement are checked by one foreign key on the pair instead of two: a bulk import
// pays one check per row less, and a finding can no longer name an engagement of another organisation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('imports')
    .addColumn('job_id', 'text', (c) => c.references('jobs.id'))
    .addColumn('job_file', 'integer')
    .execute();
  await db.schema
    .createIndex('imports_job_file_uq')
    .on('imports')
    .columns(['job_id', 'job_file'])
    .unique()
    .where(sql.ref('job_id'), 'is not', null)
    .execute();
  await sql`alter table findings alter column fingerprint type text collate "C"`.execute(db);
  await db.schema
    .createIndex('engagements_organisation_id_uq')
    .on('engagements')
    .columns(['organisation_id', 'id'])
    .unique()
    .execute();
  await sql`alter table findings
    drop constraint findings_organisation_id_fkey,
    drop constraint findings_engagement_id_fkey,
    add constraint findings_engagement_fkey foreign key (organisation_id, engagement_id)
      references engagements (organisation_id, id)`.execute(db);
}
