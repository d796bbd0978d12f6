import { DomainError, authorize, type Role } from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { createUser } from '../auth/users.ts';
import { found, type CommandProps, type InOrganisation, type QueryProps } from './context.ts';

export interface MemberView {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
}

/** The members of an organisation. */
export async function listMembers({ actor, input, tx }: QueryProps<InOrganisation>): Promise<MemberView[]> {
  authorize(actor, 'member.read', input);
  return tx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as userId', 'users.email', 'users.name', 'memberships.role'])
    .where('memberships.organisation_id', '=', input.organisationId)
    .orderBy('users.email')
    .execute();
}

export interface AddMemberInput extends InOrganisation {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** Sets the password of a user created now; ignored for an existing user. Invitations will replace it. */
  readonly password?: string | undefined;
}

/** Adds a user (created when the email is new) to the organisation with a role. */
export async function addMember({ actor, input, tx }: CommandProps<AddMemberInput>): Promise<MemberView> {
  authorize(actor, 'member.manage', input);
  const email = input.email.toLowerCase();
  let user = await tx
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (user === undefined) {
    const id = await createUser(tx, { email, name: input.name, password: input.password });
    user = { id, email, name: input.name };
  }
  const existing = await tx
    .selectFrom('memberships')
    .select('role')
    .where('organisation_id', '=', input.organisationId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (existing !== undefined)
    throw new DomainError(
      'member.exists',
      `${email} is already a member (${existing.role}); change their role instead`,
      {
        kind: 'conflict',
      },
    );
  await tx
    .insertInto('memberships')
    .values({ organisation_id: input.organisationId, user_id: user.id, role: input.role })
    .execute();
  const view = { userId: user.id, email: user.email, name: user.name, role: input.role };
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'member.add',
    entityType: 'membership',
    entityId: user.id,
    before: null,
    after: view,
  });
  return view;
}

async function loadMember(tx: CommandProps<unknown>['tx'], organisationId: string, userId: string) {
  return found(
    await tx
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id as userId', 'users.email', 'users.name', 'memberships.role'])
      .where('memberships.organisation_id', '=', organisationId)
      .where('memberships.user_id', '=', userId)
      .executeTakeFirst(),
    'member',
    userId,
  );
}

async function assertAnotherAdmin(tx: CommandProps<unknown>['tx'], organisationId: string): Promise<void> {
  const admins = await tx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  if (Number(admins.n) <= 1)
    throw new DomainError(
      'member.last_admin',
      'the organisation needs at least one administrator: appoint another first',
      {
        kind: 'conflict',
      },
    );
}

/** Changes a member's role; the last administrator cannot be demoted. */
export async function updateMemberRole({
  actor,
  input,
  tx,
}: CommandProps<InOrganisation & { readonly userId: string; readonly role: Role }>): Promise<MemberView> {
  authorize(actor, 'member.manage', input);
  const before = await loadMember(tx, input.organisationId, input.userId);
  if (before.role === 'admin' && input.role !== 'admin') await assertAnotherAdmin(tx, input.organisationId);
  await tx
    .updateTable('memberships')
    .set({ role: input.role })
    .where('organisation_id', '=', input.organisationId)
    .where('user_id', '=', input.userId)
    .execute();
  const after = { ...before, role: input.role };
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'member.update',
    entityType: 'membership',
    entityId: input.userId,
    before,
    after,
  });
  return after;
}

/** Removes a member from the organisation (the user account stays); the last administrator cannot leave. */
export async function removeMember({
  actor,
  input,
  tx,
}: CommandProps<InOrganisation & { readonly userId: string }>): Promise<void> {
  authorize(actor, 'member.manage', input);
  const before = await loadMember(tx, input.organisationId, input.userId);
  if (before.role === 'admin') await assertAnotherAdmin(tx, input.organisationId);
  await tx
    .deleteFrom('memberships')
    .where('organisation_id', '=', input.organisationId)
    .where('user_id', '=', input.userId)
    .execute();
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'member.remove',
    entityType: 'membership',
    entityId: input.userId,
    before,
    after: null,
  });
}
