import { sql, type Kysely } from 'kysely';

// Invitation e-mails: the language the invitee reads (`lang`), and the job that sends the current token's e-mail
// (`mail_job_id`, null when the server has no SMTP and the accept link was handed to the inviter instead).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('invitations')
    .addColumn('lang', 'text', (c) =>
      c
        .notNull()
        .defaultTo('en')
        .check(sql`lang in ('en', 'fr')`),
    )
    .addColumn('mail_job_id', 'text', (c) => c.references('jobs.id'))
    .execute();
}
