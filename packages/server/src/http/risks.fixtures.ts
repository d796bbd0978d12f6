import { randomUUID } from 'node:crypto';
import { json } from '../db/json.ts';
import type { Harness } from '../test/harness.ts';

/** Inserts an asset and a finding straight into the engagement (their API belongs to another module). */
export async function seedAssetAndFinding(h: Harness, organisationId: string, engagementId: string) {
  const db = h.workspace.database.db;
  const assetId = randomUUID();
  const findingId = randomUUID();
  await db
    .insertInto('assets')
    .values({
      id: assetId,
      organisation_id: organisationId,
      engagement_id: engagementId,
      name: 'Hot wallet',
      kind: 'application',
    })
    .execute();
  await db
    .insertInto('findings')
    .values({
      id: findingId,
      organisation_id: organisationId,
      engagement_id: engagementId,
      asset_id: assetId,
      title: 'TLS 1.0 enabled',
      severity: 'high',
      source: 'testssl',
      fingerprint: 'testssl:tls10',
      detail: json({ ruleId: 'tls10' }),
    })
    .execute();
  return { assetId, findingId };
}
