/** Test seed for import commands: a lead auditor's organisation with one engagement, straight into the database. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '@mica-audit/core';
import { actorOf, createUser } from '../auth/users.ts';
import type { Database } from '../db/schema.ts';

export interface ImportTarget {
  readonly actor: Actor;
  readonly organisationId: string;
  /** Engagements of the organisation, each empty. */
  readonly engagementIds: readonly string[];
}

export async function seedImportTarget(db: Kysely<Database>, engagements = 1): Promise<ImportTarget> {
  const organisationId = randomUUID();
  const entityId = randomUUID();
  const userId = await createUser(db, { email: `lead-${organisationId}@imports.test`, name: 'Lead' });
  await db.insertInto('organisations').values({ id: organisationId, name: 'Imports' }).execute();
  await db
    .insertInto('memberships')
    .values({ organisation_id: organisationId, user_id: userId, role: 'lead-auditor' })
    .execute();
  await db
    .insertInto('entities')
    .values({ id: entityId, organisation_id: organisationId, name: 'E' })
    .execute();
  const engagementIds = Array.from({ length: engagements }, () => randomUUID());
  for (const id of engagementIds)
    await db
      .insertInto('engagements')
      .values({
        id,
        organisation_id: organisationId,
        entity_id: entityId,
        name: 'Audit',
        profile: '{}',
        catalogue: '[]',
        phase: 'scoping',
        start_date: null,
        end_date: null,
        team: '[]',
      })
      .execute();
  return { actor: await actorOf(db, userId), organisationId, engagementIds };
}
