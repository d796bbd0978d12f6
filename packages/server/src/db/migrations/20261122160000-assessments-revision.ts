import { sql, type Kysely } from 'kysely';

// The read paths of the workspace (engagement overview, assessment list) remember derived results by the state they
// were computed from (commands/read-cache.ts). `engagement_revisions.assessments` names that state: statement-level
// triggers bump it, in the writing transaction, for every engagement whose assessments a statement inserted,
// updated or deleted, so no write path (commands, re-scoping, restore, a hand-written UPDATE) can forget to. It is a
// table of its own, without organisation_id, because it is derived: a backup leaves it out and a restore rebuilds it
// as the assessments go in (a column of engagements would come back from a restore with another value).
// Also: an index on memberships(user_id), read on every authenticated request (auth/authenticate.ts); the primary
// key starts with organisation_id and cannot serve it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('engagement_revisions')
    .addColumn('engagement_id', 'text', (c) =>
      c.primaryKey().references('engagements.id').onDelete('cascade'),
    )
    .addColumn('assessments', 'bigint', (c) => c.notNull())
    .execute();
  await sql`
    create function mica_bump_assessments_revision() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into engagement_revisions (engagement_id, assessments)
          select distinct engagement_id, 1 from new_rows
          on conflict (engagement_id) do update set assessments = engagement_revisions.assessments + 1;
      elsif tg_op = 'DELETE' then
        -- An engagement deleted with its assessments has no revision left to bump.
        insert into engagement_revisions (engagement_id, assessments)
          select distinct engagement_id, 1 from old_rows where engagement_id in (select id from engagements)
          on conflict (engagement_id) do update set assessments = engagement_revisions.assessments + 1;
      else
        insert into engagement_revisions (engagement_id, assessments)
          select engagement_id, 1 from new_rows union select engagement_id, 1 from old_rows
          on conflict (engagement_id) do update set assessments = engagement_revisions.assessments + 1;
      end if;
      return null;
    end
    $$`.execute(db);
  // A trigger with transition tables handles one event, hence three.
  await sql`create trigger assessments_revision_insert after insert on assessments
    referencing new table as new_rows for each statement execute function mica_bump_assessments_revision()`.execute(
    db,
  );
  await sql`create trigger assessments_revision_update after update on assessments
    referencing old table as old_rows new table as new_rows
    for each statement execute function mica_bump_assessments_revision()`.execute(db);
  await sql`create trigger assessments_revision_delete after delete on assessments
    referencing old table as old_rows for each statement execute function mica_bump_assessments_revision()`.execute(
    db,
  );
  await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute();
}
