/**
 * The assets of an imported file: staged beside its findings, upserted into the engagement (details merged), then
 * looked up by key, which is all a finding knows of its asset.
 */
import { sql, type Transaction } from 'kysely';
import { ASSET_KINDS, type ImportResult } from '@mica-audit/importers';
import type { Database } from '../db/schema.ts';
import type { BulkWriter } from './imports-bulk.ts';

type Tx = Transaction<Database>;
type Fragment = ReturnType<typeof sql>;

/** Writes the file's assets into the (empty) `import_assets` staging table. */
export async function stageAssets(writer: BulkWriter, result: ImportResult): Promise<void> {
  await writer.write(
    'import_assets',
    ['kind', 'key', 'name', 'details'],
    result.assets.map((a) => [a.kind, a.key, a.name, JSON.stringify(a.details)]),
    { json: ['details'] },
  );
}

/** Upserts the staged assets into the engagement; a known asset gains the details it did not have. */
export async function mergeAssets(tx: Tx, organisationId: string, engagementId: string): Promise<void> {
  await sql`
    insert into assets (id, organisation_id, engagement_id, name, kind, "key", details)
    select gen_random_uuid()::text, ${organisationId}, ${engagementId}, a.name, a.kind, a."key", a.details
    from import_assets a
    on conflict (engagement_id, kind, "key") where "key" is not null
    do update set details = assets.details || excluded.details, version = assets.version + 1, updated_at = now()
    where assets.details is distinct from assets.details || excluded.details`.execute(tx);
}

/**
 * `("key", id)` of the engagement's assets whose key `keys` (a query of one text column) lists. A finding names its
 * asset by key only: the broadest kind wins (a host over one of its services).
 */
export function assetIdsByKey(engagementId: string, keys: Fragment): Fragment {
  return sql`select distinct on ("key") "key", id from assets
    where engagement_id = ${engagementId} and "key" in (${keys})
    order by "key", array_position(string_to_array(${ASSET_KINDS.join(',')}, ','), kind), id`;
}

/** The ids of the engagement's assets by key, for the given keys. */
export async function assetIdsOf(
  tx: Tx,
  engagementId: string,
  keys: readonly string[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const list = sql`select value from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)`;
  const { rows } = await assetIdsByKey(engagementId, list).execute(tx);
  return new Map((rows as { key: string; id: string }[]).map((r) => [r.key, r.id]));
}
