import type { Kysely } from 'kysely';

// A requirement can be assigned to one member of the engagement team (the lead auditor hands out the work). The
// column is nullable: unassigned is the default and what every existing assessment becomes. The index serves the
// workspace's "assigned to …" filter without scanning the engagement's assessments.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('assessments')
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('assessments_assignee_idx')
    .on('assessments')
    .columns(['organisation_id', 'engagement_id', 'assignee_id'])
    .execute();
}
