/**
 * The invitation e-mail as a durable job (an outbox): the invitation command enqueues it in its own transaction, so
 * a rolled-back invitation sends nothing and a crash before sending is retried when the job's lease expires.
 * Transient SMTP failures (no connection, timeouts, 4xx answers) are retried after growing delays; 5xx answers and
 * the last attempt fail the job with the SMTP server's words, visible on `GET …/jobs/:jobId` and in the invitation
 * list. The invitation itself is never touched by a failure.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import { DomainError } from '@mica-audit/core';
import type { Database, Job } from '../db/schema.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { JobLostError } from '../jobs/worker.ts';
import { acceptUrl, type MailSettings } from './config.ts';
import { renderInvitationEmail, type MailLang } from './invitation-email.ts';
import { isPermanentMailError, type Mailer } from './mailer.ts';
import { seal, unseal } from './seal.ts';

export const INVITATION_MAIL_JOB = 'invitation.mail';

/** Waits between attempts: 30 s, 2 min, 10 min, 30 min, so a mail server down for about 40 minutes loses nothing. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [30_000, 120_000, 600_000, 1_800_000];

/** Everything the server needs to send mail; built once at start-up (server.ts). */
export interface MailService {
  readonly settings: MailSettings;
  /** Undefined without SMTP: invitations then answer their accept link to the inviter instead. */
  readonly mailer: Mailer | undefined;
  /** The key sealing tokens in job payloads (derived from the auth secret). */
  readonly key: Buffer;
  /** Delay before each retry; the job makes `length + 1` attempts in all. */
  readonly retryDelaysMs: readonly number[];
}

const payloadSchema = z.strictObject({ invitationId: z.string().min(1), token: z.string().min(1) });

/** Queues the e-mail of an invitation's current token in the caller's transaction; returns the job id. */
export async function enqueueInvitationMail(
  tx: Transaction<Database>,
  mail: MailService,
  invitation: { readonly id: string; readonly organisationId: string; readonly createdBy: string },
  token: string,
): Promise<string> {
  const job = await enqueueJob(tx, {
    organisationId: invitation.organisationId,
    kind: INVITATION_MAIL_JOB,
    payload: { invitationId: invitation.id, token: seal(mail.key, token) },
    createdBy: invitation.createdBy,
    maxAttempts: mail.retryDelaysMs.length + 1,
  });
  return job.id;
}

export type InvitationMailResult =
  | { readonly sent: true; readonly to: string; readonly lang: MailLang; readonly messageId: string }
  | { readonly sent: false; readonly skipped: 'revoked' | 'accepted' | 'superseded' | 'expired' };

// Releases the job until `delayMs` from now (database clock) with the failure on record; any worker claims it then.
async function postpone(db: Kysely<Database>, job: Job, delayMs: number, error: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      locked_by: null,
      locked_until: sql<Date>`now() + ${`${delayMs} milliseconds`}::interval`,
      error: sql<string>`${error} || ' next attempt after ' || to_char((now() + ${`${delayMs} milliseconds`}::interval) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('attempts', '=', job.attempts)
    .execute();
}

/** Sends one invitation e-mail, or skips it when the invitation was revoked, accepted, resent or has expired. */
export async function runInvitationMailJob(
  services: { readonly db: Kysely<Database>; readonly mail: MailService },
  job: Job,
): Promise<InvitationMailResult> {
  const { db, mail } = services;
  if (mail.mailer === undefined)
    throw new DomainError('mail.not_configured', 'this server has no SMTP settings: it cannot send e-mail', {
      kind: 'internal',
    });
  const payload = payloadSchema.parse(job.payload);
  const row = await db
    .selectFrom('invitations')
    .innerJoin('organisations', 'organisations.id', 'invitations.organisation_id')
    .innerJoin('users', 'users.id', 'invitations.invited_by')
    .select([
      'invitations.email',
      'invitations.role',
      'invitations.lang',
      'invitations.expires_at',
      'invitations.accepted_at',
      'invitations.mail_job_id',
      'organisations.name as organisation',
      'users.name as inviterName',
      'users.email as inviterEmail',
    ])
    .where('invitations.organisation_id', '=', job.organisation_id)
    .where('invitations.id', '=', payload.invitationId)
    .executeTakeFirst();
  if (row === undefined) return { sent: false, skipped: 'revoked' };
  if (row.accepted_at !== null) return { sent: false, skipped: 'accepted' };
  // A resend issued a new token with its own job: this one's link no longer works.
  if (row.mail_job_id !== job.id) return { sent: false, skipped: 'superseded' };
  if (row.expires_at.getTime() <= Date.now()) return { sent: false, skipped: 'expired' };
  const email = renderInvitationEmail({
    lang: row.lang,
    organisation: row.organisation,
    inviter: { name: row.inviterName, email: row.inviterEmail },
    invitee: row.email,
    role: row.role,
    expiresAt: row.expires_at,
    link: acceptUrl(mail.settings, unseal(mail.key, payload.token)),
  });
  try {
    const { messageId } = await mail.mailer.send({ to: row.email, lang: row.lang, ...email });
    return { sent: true, to: row.email, lang: row.lang, messageId };
  } catch (error) {
    const reason = `${mail.mailer.describe}: ${error instanceof Error ? error.message : String(error)}`;
    const failed = `attempt ${job.attempts} of ${job.max_attempts} failed (${reason});`;
    if (isPermanentMailError(error))
      throw new Error(`${failed} the server refused the message, not retried`, { cause: error });
    const delay = mail.retryDelaysMs[job.attempts - 1];
    if (job.attempts >= job.max_attempts || delay === undefined)
      throw new Error(`${failed} giving up`, { cause: error });
    await postpone(db, job, delay, failed);
    // The job is released for a later attempt: the worker must neither finish nor fail it now.
    throw new JobLostError(job.id);
  }
}
