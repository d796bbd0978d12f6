import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError, authorize, type Role } from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { tokenHash } from '../auth/tokens.ts';
import type { Invitation } from '../db/schema.ts';
import { acceptUrl } from '../mail/config.ts';
import type { MailLang } from '../mail/invitation-email.ts';
import { enqueueInvitationMail, type MailService } from '../mail/invitation-job.ts';
import { notFound, type CommandProps, type InOrganisation, type QueryProps } from './context.ts';

export const INVITATION_DAYS = 7;
const PREFIX = 'mica_inv_';

/** Where the invitation e-mail stands, read from its job. */
export type MailStatus = 'queued' | 'sending' | 'retrying' | 'sent' | 'skipped' | 'failed';

export interface InvitationView {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  /** The language of the e-mail. */
  readonly lang: MailLang;
  readonly invitedBy: string;
  readonly expiresAt: string;
  readonly createdAt: string;
  /** Past its expiry: it can no longer be accepted, only resent (new token, new expiry) or revoked. */
  readonly expired: boolean;
}

export interface InvitationListItem extends InvitationView {
  /** The e-mail of the current token; null when the accept link was handed to the inviter (no SMTP). */
  readonly mail: {
    readonly jobId: string;
    readonly status: MailStatus;
    readonly attempts: number;
    /** The SMTP server's words on the last failure (a retry may still come: see `status`). */
    readonly error: string | null;
  } | null;
}

/**
 * The answer to creating or resending an invitation: with SMTP, the e-mail is queued (`mailed: true`, its job to
 * poll); without, the accept link and token are answered here, once, for the inviter to pass on (`mailed: false`).
 */
export type IssuedInvitation = InvitationView &
  (
    | { readonly mailed: true; readonly mailJobId: string }
    | { readonly mailed: false; readonly acceptUrl: string; readonly token: string }
  );

function view(row: Invitation, now = new Date()): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    lang: row.lang,
    invitedBy: row.invited_by,
    expiresAt: row.expires_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    expired: row.expires_at.getTime() <= now.getTime(),
  };
}

function newToken(): { token: string; expiresAt: Date } {
  return {
    token: `${PREFIX}${randomBytes(32).toString('base64url')}`,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
  };
}

/** Queues the e-mail when SMTP is configured; otherwise returns the link for the inviter. */
async function deliver(
  { actor, tx }: Pick<CommandProps<unknown>, 'actor' | 'tx'>,
  mail: MailService | undefined,
  invitation: { readonly id: string; readonly organisationId: string },
  token: string,
): Promise<{ mailed: true; mailJobId: string } | { mailed: false; acceptUrl: string; token: string }> {
  if (mail?.mailer === undefined)
    return { mailed: false, acceptUrl: acceptUrl(mail?.settings ?? { publicUrl: undefined }, token), token };
  const mailJobId = await enqueueInvitationMail(tx, mail, { ...invitation, createdBy: actor.userId }, token);
  return { mailed: true, mailJobId };
}

/**
 * Invites an email into the organisation with a role. The token is stored hashed; it reaches the invitee by e-mail
 * (queued in this transaction, so a rolled-back invitation sends nothing) or, without SMTP, through the inviter.
 */
export async function createInvitation({
  actor,
  input,
  tx,
  mail,
}: CommandProps<InOrganisation & { readonly email: string; readonly role: Role; readonly lang: MailLang }> & {
  readonly mail: MailService | undefined;
}): Promise<IssuedInvitation> {
  authorize(actor, 'member.manage', input);
  const email = input.email.toLowerCase();
  const member = await tx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id')
    .where('memberships.organisation_id', '=', input.organisationId)
    .where('users.email', '=', email)
    .executeTakeFirst();
  if (member !== undefined)
    throw new DomainError(
      'invitation.already_member',
      `email: ${email} is already a member; change their role instead`,
      { kind: 'conflict', path: 'email' },
    );
  const id = randomUUID();
  const { token, expiresAt } = newToken();
  const delivery = await deliver({ actor, tx }, mail, { id, organisationId: input.organisationId }, token);
  const row = await tx
    .insertInto('invitations')
    .values({
      id,
      organisation_id: input.organisationId,
      email,
      role: input.role,
      lang: input.lang,
      token_hash: tokenHash(token),
      invited_by: actor.userId,
      expires_at: expiresAt,
      mail_job_id: delivery.mailed ? delivery.mailJobId : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const created = view(row);
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'invitation.create',
    entityType: 'invitation',
    entityId: row.id,
    before: null,
    after: { ...created, mailed: delivery.mailed },
  });
  return { ...created, ...delivery };
}

/**
 * Issues a new token for a pending (possibly expired) invitation, with a new expiry, and sends it again: the old
 * token stops working at once, and an e-mail of the old token still queued is skipped.
 */
export async function resendInvitation({
  actor,
  input,
  tx,
  mail,
}: CommandProps<InOrganisation & { readonly invitationId: string; readonly lang?: MailLang | undefined }> & {
  readonly mail: MailService | undefined;
}): Promise<IssuedInvitation> {
  authorize(actor, 'member.manage', input);
  const before = await tx
    .selectFrom('invitations')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', input.invitationId)
    .where('accepted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (before === undefined) throw notFound('invitation', input.invitationId);
  const { token, expiresAt } = newToken();
  const delivery = await deliver(
    { actor, tx },
    mail,
    { id: before.id, organisationId: input.organisationId },
    token,
  );
  const after = await tx
    .updateTable('invitations')
    .set({
      token_hash: tokenHash(token),
      expires_at: expiresAt,
      lang: input.lang ?? before.lang,
      mail_job_id: delivery.mailed ? delivery.mailJobId : null,
    })
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const resent = view(after);
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'invitation.resend',
    entityType: 'invitation',
    entityId: before.id,
    before: view(before),
    after: { ...resent, mailed: delivery.mailed },
  });
  return { ...resent, ...delivery };
}

function mailStatus(job: { status: string; error: string | null; result: unknown }): MailStatus {
  if (job.status === 'queued') return 'queued';
  if (job.status === 'running') return job.error === null ? 'sending' : 'retrying';
  if (job.status === 'failed') return 'failed';
  return (job.result as { sent?: unknown } | null)?.sent === true ? 'sent' : 'skipped';
}

/** Invitations not accepted yet, expired ones included (to resend or revoke), oldest first, with their e-mail. */
export async function listInvitations({
  actor,
  input,
  tx,
}: QueryProps<InOrganisation>): Promise<InvitationListItem[]> {
  authorize(actor, 'member.manage', input);
  const rows = await tx
    .selectFrom('invitations')
    .leftJoin('jobs', 'jobs.id', 'invitations.mail_job_id')
    .selectAll('invitations')
    .select([
      'jobs.status as job_status',
      'jobs.error as job_error',
      'jobs.attempts as job_attempts',
      'jobs.result as job_result',
    ])
    .where('invitations.organisation_id', '=', input.organisationId)
    .where('invitations.accepted_at', 'is', null)
    .orderBy('invitations.created_at')
    .orderBy('invitations.id')
    .execute();
  const now = new Date();
  return rows.map((row) => ({
    ...view(row, now),
    mail:
      row.mail_job_id === null || row.job_status === null
        ? null
        : {
            jobId: row.mail_job_id,
            status: mailStatus({ status: row.job_status, error: row.job_error, result: row.job_result }),
            attempts: row.job_attempts ?? 0,
            error: row.job_error,
          },
  }));
}

/** Withdraws a pending invitation; its queued e-mail, if any, is skipped. */
export async function revokeInvitation({
  actor,
  input,
  tx,
}: CommandProps<InOrganisation & { readonly invitationId: string }>): Promise<void> {
  authorize(actor, 'member.manage', input);
  const row = await tx
    .deleteFrom('invitations')
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', input.invitationId)
    .where('accepted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (row === undefined) throw notFound('invitation', input.invitationId);
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'invitation.revoke',
    entityType: 'invitation',
    entityId: row.id,
    before: view(row),
    after: null,
  });
}

/**
 * Accepts an invitation as the signed-in user, whose email must be the invited one. Unknown, expired, used,
 * superseded (resent) and someone else's tokens all get the same 404.
 */
export async function acceptInvitation({
  actor,
  input,
  tx,
}: CommandProps<{ readonly token: string }>): Promise<{ organisationId: string; role: Role }> {
  const user = await tx
    .selectFrom('users')
    .select('email')
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  const row = await tx
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash(input.token))
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', new Date())
    .forUpdate()
    .executeTakeFirst();
  if (row === undefined || row.email !== user.email.toLowerCase())
    throw new DomainError(
      'invitation.not_found',
      'this invitation does not exist, has expired, was sent again with a new link, or is for another email',
      { kind: 'not_found' },
    );
  await tx
    .insertInto('memberships')
    .values({ organisation_id: row.organisation_id, user_id: actor.userId, role: row.role })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doNothing())
    .execute();
  await tx
    .updateTable('invitations')
    .set({ accepted_at: new Date(), accepted_by: actor.userId })
    .where('id', '=', row.id)
    .execute();
  await appendAudit(tx, {
    organisationId: row.organisation_id,
    actorId: actor.userId,
    action: 'invitation.accept',
    entityType: 'membership',
    entityId: actor.userId,
    before: null,
    after: { invitationId: row.id, role: row.role },
  });
  return { organisationId: row.organisation_id, role: row.role };
}
