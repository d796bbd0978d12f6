import { randomUUID } from 'node:crypto';
import { authorize, permissions, type Action, type Role } from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { found, type CommandProps, type InOrganisation, type QueryProps } from './context.ts';

export interface OrganisationView {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly permissions: Action[];
}

/** Creates an organisation; its creator becomes its first administrator. Any signed-in user may create one. */
export async function createOrganisation({
  actor,
  input,
  tx,
}: CommandProps<{ readonly name: string }>): Promise<OrganisationView> {
  const id = randomUUID();
  await tx.insertInto('organisations').values({ id, name: input.name }).execute();
  await tx
    .insertInto('memberships')
    .values({ organisation_id: id, user_id: actor.userId, role: 'admin' })
    .execute();
  await appendAudit(tx, {
    organisationId: id,
    actorId: actor.userId,
    action: 'organisation.create',
    entityType: 'organisation',
    entityId: id,
    before: null,
    after: { name: input.name, admin: actor.userId },
  });
  const role: Role = 'admin';
  const next = { ...actor, memberships: [...actor.memberships, { organisationId: id, role }] };
  return { id, name: input.name, role, permissions: permissions(next, { organisationId: id }) };
}

/** The organisations the actor belongs to, each with their role and what they may do there. */
export async function listOrganisations({ actor, tx }: QueryProps<unknown>): Promise<OrganisationView[]> {
  const rows = await tx
    .selectFrom('organisations')
    .innerJoin('memberships', 'memberships.organisation_id', 'organisations.id')
    .select(['organisations.id', 'organisations.name', 'memberships.role'])
    .where('memberships.user_id', '=', actor.userId)
    .orderBy('organisations.name')
    .execute();
  return rows.map((r) => ({ ...r, permissions: permissions(actor, { organisationId: r.id }) }));
}

/** One organisation the actor belongs to. */
export async function getOrganisation({
  actor,
  input,
  tx,
}: QueryProps<InOrganisation>): Promise<OrganisationView> {
  authorize(actor, 'organisation.read', input);
  const row = found(
    await tx
      .selectFrom('organisations')
      .innerJoin('memberships', 'memberships.organisation_id', 'organisations.id')
      .select(['organisations.id', 'organisations.name', 'memberships.role'])
      .where('organisations.id', '=', input.organisationId)
      .where('memberships.user_id', '=', actor.userId)
      .executeTakeFirst(),
    'organisation',
    input.organisationId,
  );
  return { ...row, permissions: permissions(actor, input) };
}
