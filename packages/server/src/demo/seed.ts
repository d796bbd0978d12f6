import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import type { Catalogue } from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { actorOf, createUser } from '../auth/users.ts';
import { updateAssessment } from '../commands/assessments.ts';
import { inTransaction } from '../commands/context.ts';
import { createEngagement } from '../commands/engagements.ts';
import { createEntity } from '../commands/entities.ts';
import { recordEvidence, setEvidenceLink } from '../commands/evidence.ts';
import { addMember } from '../commands/members.ts';
import { createOrganisation } from '../commands/organisations.ts';
import { json } from '../db/json.ts';
import type { Database } from '../db/schema.ts';
import type { EvidenceStore } from '../evidence/store.ts';
import {
  DEMO_ASSESSMENTS,
  DEMO_ASSETS,
  DEMO_EVIDENCE,
  DEMO_FINDINGS,
  DEMO_PASSWORD,
  DEMO_PROFILE,
  DEMO_USERS,
} from './content.ts';

export interface DemoResult {
  readonly organisationId: string;
  readonly engagementId: string;
  readonly user: { readonly email: string; readonly password: string };
  /** False when the data directory already held the demo and it was reused. */
  readonly created: boolean;
}

const lead = DEMO_USERS[0];

async function existingDemo(db: Kysely<Database>): Promise<DemoResult | undefined> {
  const row = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .innerJoin('engagements', 'engagements.organisation_id', 'memberships.organisation_id')
    .select(['engagements.id as engagementId', 'engagements.organisation_id as organisationId'])
    .where('users.email', '=', lead.email)
    .orderBy('engagements.created_at')
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { ...row, user: { email: lead.email, password: DEMO_PASSWORD }, created: false };
}

/** Rows the API does not manage yet (assets, findings, risks, actions, an incident), written with their audit entries. */
async function seedRegisters(
  tx: Transaction<Database>,
  organisationId: string,
  engagementId: string,
  userId: string,
) {
  const assetIds: string[] = [];
  for (const asset of DEMO_ASSETS) {
    const id = randomUUID();
    assetIds.push(id);
    await tx
      .insertInto('assets')
      .values({ id, organisation_id: organisationId, engagement_id: engagementId, ...asset })
      .execute();
  }
  for (const finding of DEMO_FINDINGS) {
    const { asset, ...rest } = finding;
    await tx
      .insertInto('findings')
      .values({
        id: randomUUID(),
        organisation_id: organisationId,
        engagement_id: engagementId,
        asset_id: assetIds[asset] ?? null,
        fingerprint: `${rest.source}:${rest.title}`,
        detail: json({ synthetic: true }),
        ...rest,
      })
      .execute();
  }
  const risks = [
    {
      title: 'Loss of signing keys through insider collusion',
      likelihood: 2,
      impact: 5,
      treatment: 'mitigate',
    },
    {
      title: 'Travel-rule vendor outage blocks outgoing transfers',
      likelihood: 3,
      impact: 3,
      treatment: 'transfer',
    },
  ];
  for (const risk of risks)
    await tx
      .insertInto('risks')
      .values({
        id: randomUUID(),
        organisation_id: organisationId,
        engagement_id: engagementId,
        owner_id: userId,
        detail: json({}),
        ...risk,
      })
      .execute();
  const actions = [
    {
      title: 'Create a conflict-of-interest register and separate treasury reporting',
      priority: 'high',
      due_date: '2027-02-28',
    },
    { title: 'Disable TLS 1.0/1.1 on the client portal', priority: 'quick-win', due_date: '2026-12-15' },
  ];
  for (const action of actions)
    await tx
      .insertInto('actions')
      .values({
        id: randomUUID(),
        organisation_id: organisationId,
        engagement_id: engagementId,
        owner_id: userId,
        detail: json({}),
        ...action,
      })
      .execute();
  await tx
    .insertInto('incidents')
    .values({
      id: randomUUID(),
      organisation_id: organisationId,
      engagement_id: engagementId,
      title: 'Travel-rule gateway unavailable for 3 hours',
      occurred_at: new Date('2026-09-14T08:20:00Z'),
      classification: json({ clientsAffected: 1200, durationHours: 3, major: false }),
    })
    .execute();
  await appendAudit(tx, {
    organisationId,
    actorId: userId,
    action: 'demo.seed_registers',
    entityType: 'engagement',
    entityId: engagementId,
    before: null,
    after: {
      assets: DEMO_ASSETS.length,
      findings: DEMO_FINDINGS.length,
      risks: risks.length,
      actions: actions.length,
      incidents: 1,
    },
  });
}

/** Seeds the demo engagement (once per database; later calls return the existing one). */
export async function seedDemo(
  db: Kysely<Database>,
  store: EvidenceStore,
  catalogue: Catalogue,
): Promise<DemoResult> {
  const existing = await existingDemo(db);
  if (existing !== undefined) return existing;
  const leadId = await createUser(db, { email: lead.email, name: lead.name, password: DEMO_PASSWORD });
  let actor = await actorOf(db, leadId);
  const organisation = await inTransaction(db, (tx) =>
    createOrganisation({ actor, input: { name: 'Lumière Audit & Associés — client Garde Numérique' }, tx }),
  );
  const organisationId = organisation.id;
  actor = await actorOf(db, leadId);
  const team = [leadId];
  for (const user of DEMO_USERS.slice(1)) {
    const member = await inTransaction(db, (tx) =>
      addMember({ actor, input: { organisationId, ...user, password: DEMO_PASSWORD }, tx }),
    );
    // Everyone is staffed on the engagement: auditors, contributors and reviewers only see engagements of their team.
    team.push(member.userId);
  }
  const entity = await inTransaction(db, (tx) =>
    createEntity({ actor, input: { organisationId, profile: DEMO_PROFILE }, tx }),
  );
  const engagement = await inTransaction(db, (tx) =>
    createEngagement({
      actor,
      input: {
        organisationId,
        entityId: entity.id,
        name: 'MiCA authorisation audit 2026',
        startDate: '2026-11-02',
        endDate: '2026-12-18',
        team,
      },
      tx,
      catalogue,
    }),
  );
  const engagementId = engagement.id;
  const assessments = await db
    .selectFrom('assessments')
    .select(['id', 'version', 'requirement_urn'])
    .where('organisation_id', '=', organisationId)
    .where('engagement_id', '=', engagementId)
    .orderBy('requirement_urn')
    .execute();
  // Each observation goes to a requirement of its domain (custody, complaints, …), else to any one left.
  const domainsOf = new Map(
    catalogue.libraries.flatMap((l) => l.nodes.map((n) => [n.urn, n.domains] as const)),
  );
  const free = new Set(assessments);
  const assessed = new Map<string, string>();
  for (const demo of DEMO_ASSESSMENTS) {
    const { prefer, domain, ...change } = demo;
    const candidates = [...free];
    const target =
      candidates.find((a) => a.requirement_urn.startsWith(prefer)) ??
      candidates.find((a) => domainsOf.get(a.requirement_urn)?.includes(domain)) ??
      candidates[0];
    if (target === undefined) break;
    free.delete(target);
    assessed.set(domain, target.requirement_urn);
    await inTransaction(db, (tx) =>
      updateAssessment({
        actor,
        input: {
          organisationId,
          engagementId,
          change: { id: target.id, version: target.version, ...change },
        },
        tx,
      }),
    );
  }
  for (const file of DEMO_EVIDENCE) {
    const staged = await store.stage(Readable.from([Buffer.from(file.content)]));
    await inTransaction(db, async (tx) => {
      const evidence = await recordEvidence({
        actor,
        input: {
          organisationId,
          engagementId,
          title: file.title,
          fileName: file.fileName,
          mediaType: file.mediaType,
          sha256: staged.sha256,
          size: staged.size,
          effectiveDate: file.effectiveDate,
          expiryDate: file.expiryDate ?? undefined,
        },
        tx,
      });
      const urn = assessed.get(file.supports);
      if (urn !== undefined)
        await setEvidenceLink({
          actor,
          input: { organisationId, evidenceId: evidence.id, requirementUrn: urn, link: true },
          tx,
          catalogue,
        });
      await staged.commit();
    });
  }
  await inTransaction(db, (tx) => seedRegisters(tx, organisationId, engagementId, leadId));
  return {
    organisationId,
    engagementId,
    user: { email: lead.email, password: DEMO_PASSWORD },
    created: true,
  };
}
