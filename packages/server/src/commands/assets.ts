import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { authorize } from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import type { AssetTable } from '../db/schema.ts';
import { json } from '../db/json.ts';
import { found, type CommandProps, type InOrganisation, type QueryProps } from './context.ts';
import { loadEngagement } from './engagements.ts';
import { checkVersion } from './stale-version.ts';

type Row = Selectable<AssetTable>;

export interface AssetView {
  readonly id: string;
  readonly engagementId: string | null;
  readonly name: string;
  readonly kind: string;
  readonly key: string | null;
  readonly description: string;
  readonly criticality: string;
  readonly details: unknown;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

function view(r: Row): AssetView {
  return {
    id: r.id,
    engagementId: r.engagement_id,
    name: r.name,
    kind: r.kind,
    key: r.key,
    description: r.description,
    criticality: r.criticality,
    details: r.details,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

type EngagementScope = InOrganisation & { readonly engagementId: string };
export type AssetInput = EngagementScope & { readonly assetId: string };

/** One page of the engagement's assets, optionally of one kind or matching a text; oldest first. */
export async function listAssets({
  actor,
  input,
  tx,
}: QueryProps<
  EngagementScope & { kind?: string | undefined; q?: string | undefined; page: number; pageSize: number }
>) {
  authorize(actor, 'asset.read', input);
  await loadEngagement(tx, actor, input);
  let query = tx
    .selectFrom('assets')
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId);
  if (input.kind !== undefined) query = query.where('kind', '=', input.kind);
  const q = input.q;
  if (q !== undefined) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('key', 'ilike', like)]));
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { items: rows.map(view), page: input.page, pageSize: input.pageSize, total: Number(total.n) };
}

/** The asset; `forUpdate` locks its row until commit, so two writers at the same version cannot both pass the check. */
async function loadAsset(
  tx: QueryProps<unknown>['tx'],
  input: AssetInput,
  lock: 'forUpdate' | 'read' = 'read',
): Promise<Row> {
  const query = tx
    .selectFrom('assets')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    .where('id', '=', input.assetId);
  return found(
    await (lock === 'forUpdate' ? query.forUpdate() : query).executeTakeFirst(),
    'asset',
    input.assetId,
  );
}

export async function getAsset({ actor, input, tx }: QueryProps<AssetInput>): Promise<AssetView> {
  authorize(actor, 'asset.read', input);
  await loadEngagement(tx, actor, input);
  return view(await loadAsset(tx, input));
}

export interface AssetFields {
  readonly name?: string | undefined;
  readonly kind?: string | undefined;
  readonly key?: string | null | undefined;
  readonly description?: string | undefined;
  readonly criticality?: string | undefined;
}

/** Adds an asset by hand (imports add theirs by key). A key already used by the same kind is a conflict. */
export async function createAsset({
  actor,
  input,
  tx,
}: CommandProps<EngagementScope & AssetFields & { readonly name: string; readonly kind: string }>) {
  authorize(actor, 'asset.manage', input);
  await loadEngagement(tx, actor, input);
  const row = await tx
    .insertInto('assets')
    .values({
      id: randomUUID(),
      organisation_id: input.organisationId,
      engagement_id: input.engagementId,
      name: input.name,
      kind: input.kind,
      key: input.key ?? null,
      description: input.description ?? '',
      criticality: input.criticality ?? 'medium',
      details: json({}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const created = view(row);
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'asset.create',
    entityType: 'asset',
    entityId: row.id,
    before: null,
    after: created,
  });
  return created;
}

const STALE = { advice: 'reload it and apply your change again' };

/** Edits an asset at the version the client saw. */
export async function updateAsset({
  actor,
  input,
  tx,
}: CommandProps<AssetInput & AssetFields & { readonly version: number }>): Promise<AssetView> {
  authorize(actor, 'asset.manage', input);
  await loadEngagement(tx, actor, input);
  const before = await loadAsset(tx, input, 'forUpdate');
  checkVersion('asset', before, input.version, view, STALE);
  const row = await tx
    .updateTable('assets')
    .set({
      name: input.name ?? before.name,
      kind: input.kind ?? before.kind,
      key: input.key === undefined ? before.key : input.key,
      description: input.description ?? before.description,
      criticality: input.criticality ?? before.criticality,
      version: before.version + 1,
      updated_at: new Date(),
    })
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = view(row);
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'asset.update',
    entityType: 'asset',
    entityId: row.id,
    before: view(before),
    after,
  });
  return after;
}

/** Deletes an asset at the version the client saw; its findings keep their asset key but lose the link. */
export async function deleteAsset({
  actor,
  input,
  tx,
}: CommandProps<AssetInput & { readonly version: number }>): Promise<{ readonly deleted: string }> {
  authorize(actor, 'asset.manage', input);
  await loadEngagement(tx, actor, input);
  const before = await loadAsset(tx, input, 'forUpdate');
  checkVersion('asset', before, input.version, view, STALE);
  await tx
    .updateTable('findings')
    .set({ asset_id: null })
    .where('organisation_id', '=', input.organisationId)
    .where('asset_id', '=', before.id)
    .execute();
  await tx
    .deleteFrom('assets')
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', before.id)
    .execute();
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'asset.delete',
    entityType: 'asset',
    entityId: before.id,
    before: view(before),
    after: null,
  });
  return { deleted: before.id };
}
