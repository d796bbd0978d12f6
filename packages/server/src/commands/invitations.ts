import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError, authorize, type Role } from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { tokenHash } from '../auth/tokens.ts';
import type { Invitation } from '../db/schema.ts';
import { notFound, type CommandProps, type InOrganisation, type QueryProps } from './context.ts';

export const INVITATION_DAYS = 7;
const PREFIX = 'mica_inv_';

export interface InvitationView {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly invitedBy: string;
  readonly expiresAt: string;
  readonly createdAt: string;
}

function view(row: Invitation): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invited_by,
    expiresAt: row.expires_at.toISOString(),
    createdAt: row.created_at.toISOString(),
  };
}

/** Invites an email into the organisation with a role; the token is returned once (hashed at rest). */
export async function createInvitation({
  actor,
  input,
  tx,
}: CommandProps<InOrganisation & { readonly email: string; readonly role: Role }>): Promise<
  InvitationView & { readonly token: string }
> {
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
      {
        kind: 'conflict',
        path: 'email',
      },
    );
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = await tx
    .insertInto('invitations')
    .values({
      id: randomUUID(),
      organisation_id: input.organisationId,
      email,
      role: input.role,
      token_hash: tokenHash(token),
      invited_by: actor.userId,
      expires_at: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
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
    after: created,
  });
  return { ...created, token };
}

/** Pending (not accepted, not expired) invitations of the organisation. */
export async function listInvitations({
  actor,
  input,
  tx,
}: QueryProps<InOrganisation>): Promise<InvitationView[]> {
  authorize(actor, 'member.manage', input);
  const rows = await tx
    .selectFrom('invitations')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('created_at')
    .execute();
  return rows.map(view);
}

/** Withdraws a pending invitation. */
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
 * Accepts an invitation as the signed-in user, whose email must be the invited one. Unknown, expired, used and
 * someone else's tokens all get the same 404.
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
      'this invitation does not exist, has expired, or is for another email',
      {
        kind: 'not_found',
      },
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
