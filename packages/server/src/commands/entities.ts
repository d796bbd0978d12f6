import { randomUUID } from 'node:crypto';
import { authorize, parseProfile, permissions, type Action, type Profile } from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { json } from '../db/json.ts';
import { found, type CommandProps, type InOrganisation, type QueryProps } from './context.ts';

export interface EntityView {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly profileVersion: number;
  readonly profile: Profile;
  readonly permissions: Action[];
}

/** Creates a client entity with the first version of its profile (validated by core's parseProfile). */
export async function createEntity({
  actor,
  input,
  tx,
}: CommandProps<InOrganisation & { readonly profile: unknown }>): Promise<EntityView> {
  authorize(actor, 'entity.create', input);
  const profile = parseProfile(input.profile);
  const id = randomUUID();
  await tx
    .insertInto('entities')
    .values({ id, organisation_id: input.organisationId, name: profile.name })
    .execute();
  await tx
    .insertInto('entity_profiles')
    .values({
      id: randomUUID(),
      organisation_id: input.organisationId,
      entity_id: id,
      version: 1,
      profile: json(profile),
      created_by: actor.userId,
    })
    .execute();
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'entity.create',
    entityType: 'entity',
    entityId: id,
    before: null,
    after: { name: profile.name, profile },
  });
  return {
    id,
    organisationId: input.organisationId,
    name: profile.name,
    profileVersion: 1,
    profile,
    permissions: permissions(actor, input),
  };
}

/** Records a new version of an entity's profile; earlier versions stay as history. */
export async function updateEntityProfile({
  actor,
  input,
  tx,
}: CommandProps<
  InOrganisation & { readonly entityId: string; readonly profile: unknown }
>): Promise<EntityView> {
  authorize(actor, 'entity.update', input);
  const before = await getEntity({ actor, input, tx });
  const profile = parseProfile(input.profile);
  const version = before.profileVersion + 1;
  await tx
    .insertInto('entity_profiles')
    .values({
      id: randomUUID(),
      organisation_id: input.organisationId,
      entity_id: input.entityId,
      version,
      profile: json(profile),
      created_by: actor.userId,
    })
    .execute();
  await tx
    .updateTable('entities')
    .set({ name: profile.name })
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', input.entityId)
    .execute();
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'entity.update',
    entityType: 'entity',
    entityId: input.entityId,
    before: { name: before.name, profile: before.profile },
    after: { name: profile.name, profile },
  });
  return { ...before, name: profile.name, profile, profileVersion: version };
}

/** One entity with its latest profile. */
export async function getEntity({
  actor,
  input,
  tx,
}: QueryProps<InOrganisation & { readonly entityId: string }>): Promise<EntityView> {
  authorize(actor, 'entity.read', input);
  const row = found(
    await tx
      .selectFrom('entities')
      .innerJoin('entity_profiles', 'entity_profiles.entity_id', 'entities.id')
      .select(['entities.id', 'entities.name', 'entity_profiles.version', 'entity_profiles.profile'])
      .where('entities.organisation_id', '=', input.organisationId)
      .where('entity_profiles.organisation_id', '=', input.organisationId)
      .where('entities.id', '=', input.entityId)
      .orderBy('entity_profiles.version', 'desc')
      .limit(1)
      .executeTakeFirst(),
    'entity',
    input.entityId,
  );
  return {
    id: row.id,
    organisationId: input.organisationId,
    name: row.name,
    profileVersion: row.version,
    profile: row.profile as Profile,
    permissions: permissions(actor, input),
  };
}

/** The entities of an organisation. */
export async function listEntities({
  actor,
  input,
  tx,
}: QueryProps<InOrganisation>): Promise<{ id: string; name: string }[]> {
  authorize(actor, 'entity.read', input);
  return tx
    .selectFrom('entities')
    .select(['id', 'name'])
    .where('organisation_id', '=', input.organisationId)
    .orderBy('name')
    .execute();
}
