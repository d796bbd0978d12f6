import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import {
  ASSET_KINDS,
  type Asset,
  type Finding,
  type FindingStatus,
  type StatusChange,
} from '@mica-audit/importers';
import type { Database } from '../db/schema.ts';
import type { QueryProps } from './context.ts';

/**
 * Bulk writes of an import. Rows travel as one JSON text per batch, unpacked by `json_to_recordset`: a single
 * parameter per statement (no 65,535-parameter ceiling), read identically by node-postgres and PGlite, and one
 * round trip per few thousand rows.
 */
const BATCH = 4000;

type Tx = Transaction<Database>;

/** What the importer keeps about a finding beyond the indexed columns. */
function detailOf(f: Finding): Record<string, unknown> {
  return {
    toolVersion: f.toolVersion,
    description: f.description,
    rawSeverity: f.rawSeverity,
    cvss: f.cvss,
    cvssAll: f.cvssAll,
    cwe: f.cwe,
    cve: f.cve,
    location: f.location,
    evidence: f.evidence,
    categories: f.categories,
    references: f.references,
    occurrences: f.occurrences,
  };
}

async function inBatches<T>(rows: readonly T[], write: (batch: readonly T[]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/** Upserts the assets of a file by engagement + kind + key; returns every keyed asset of the engagement by key. */
export async function upsertAssets(
  tx: Tx,
  scope: { organisationId: string; engagementId: string },
  assets: readonly Asset[],
): Promise<Map<string, string>> {
  await inBatches(assets, async (batch) => {
    const rows = batch.map((a) => ({
      id: randomUUID(),
      name: a.name,
      kind: a.kind,
      key: a.key,
      details: a.details,
    }));
    await sql`
      insert into assets (id, organisation_id, engagement_id, name, kind, "key", details)
      select x.id, ${scope.organisationId}, ${scope.engagementId}, x.name, x.kind, x."key", x.details
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(id text, name text, kind text, "key" text, details jsonb)
      on conflict (engagement_id, kind, "key") where "key" is not null
      do update set details = assets.details || excluded.details, version = assets.version + 1, updated_at = now()
      where assets.details is distinct from assets.details || excluded.details`.execute(tx);
  });
  const keyed = await tx
    .selectFrom('assets')
    .select(['id', 'kind', 'key'])
    .where('organisation_id', '=', scope.organisationId)
    .where('engagement_id', '=', scope.engagementId)
    .where('key', 'is not', null)
    .execute();
  // A finding names its asset by key only: prefer the broadest kind (a host over one of its services).
  const rank = (kind: string) => {
    const i = ASSET_KINDS.indexOf(kind as Asset['kind']);
    return i === -1 ? ASSET_KINDS.length : i;
  };
  keyed.sort((a, b) => rank(b.kind) - rank(a.kind));
  return new Map(keyed.map((a) => [a.key ?? '', a.id]));
}

export interface FindingWrite {
  readonly id: string;
  readonly finding: Finding;
  readonly assetId: string | null;
}

/** Inserts findings not known before in the engagement. */
export async function insertFindings(
  tx: Tx,
  scope: { organisationId: string; engagementId: string; importId: string },
  findings: readonly FindingWrite[],
): Promise<void> {
  await inBatches(findings, async (batch) => {
    const rows = batch.map(({ id, finding: f, assetId }) => ({
      id,
      a: assetId,
      t: f.title,
      s: f.severity,
      c: f.cvss?.score ?? null,
      src: f.tool,
      fp: f.fingerprint,
      st: f.status,
      d: detailOf(f),
      r: f.ruleId,
      at: f.auditType,
      ak: f.asset,
      req: f.requirements,
      h: f.statusHistory,
      fs: f.firstSeen,
      ls: f.lastSeen,
    }));
    await sql`
      insert into findings (id, organisation_id, engagement_id, asset_id, title, severity, cvss, source, fingerprint,
        status, detail, rule_id, audit_type, asset_key, requirements, status_history, first_seen, last_seen, import_id)
      select x.id, ${scope.organisationId}, ${scope.engagementId}, x.a, x.t, x.s, x.c, x.src, x.fp, x.st, x.d, x.r,
        x.at, x.ak, x.req, x.h, x.fs, x.ls, ${scope.importId}
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(id text, a text, t text, s text, c real, src text,
        fp text, st text, d jsonb, r text, at text, ak text, req jsonb, h jsonb, fs timestamptz, ls timestamptz)`.execute(
      tx,
    );
  });
}

/** Updates findings seen again: fresh content from the tool, status and history from reconciliation. */
export async function updateSeenFindings(
  tx: Tx,
  scope: { organisationId: string; importId: string },
  findings: readonly FindingWrite[],
): Promise<void> {
  await inBatches(findings, async (batch) => {
    const rows = batch.map(({ id, finding: f, assetId }) => ({
      id,
      a: assetId,
      t: f.title,
      s: f.severity,
      c: f.cvss?.score ?? null,
      st: f.status,
      d: detailOf(f),
      r: f.ruleId,
      at: f.auditType,
      h: f.statusHistory,
      ls: f.lastSeen,
    }));
    await sql`
      update findings f set asset_id = coalesce(x.a, f.asset_id), title = x.t, severity = x.s, cvss = x.c,
        status = x.st, detail = x.d, rule_id = x.r, audit_type = x.at, status_history = x.h, last_seen = x.ls,
        import_id = ${scope.importId}, version = f.version + 1, updated_at = now()
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(id text, a text, t text, s text, c real, st text,
        d jsonb, r text, at text, h jsonb, ls timestamptz)
      where f.id = x.id and f.organisation_id = ${scope.organisationId}`.execute(tx);
  });
}

/** Marks findings fixed (absent from a newer scan of the same tool and scope), history appended. */
export async function updateFixedFindings(
  tx: Tx,
  scope: { organisationId: string },
  findings: readonly { readonly id: string; readonly status: string; readonly statusHistory: unknown }[],
): Promise<void> {
  await inBatches(findings, async (batch) => {
    const rows = batch.map((f) => ({ id: f.id, st: f.status, h: f.statusHistory }));
    await sql`
      update findings f set status = x.st, status_history = x.h, version = f.version + 1, updated_at = now()
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(id text, st text, h jsonb)
      where f.id = x.id and f.organisation_id = ${scope.organisationId}`.execute(tx);
  });
}

export interface Stored {
  readonly id: string;
  readonly finding: Finding;
}

/** A stored finding in the importer's shape: only what reconciliation reads is filled. */
function asFinding(row: {
  fingerprint: string;
  source: string;
  rule_id: string;
  title: string;
  severity: string;
  asset_key: string | null;
  status: string;
  status_history: readonly unknown[];
  first_seen: Date;
  last_seen: Date;
}): Finding {
  return {
    fingerprint: row.fingerprint,
    tool: row.source,
    ruleId: row.rule_id,
    title: row.title,
    description: '',
    severity: row.severity as Finding['severity'],
    cwe: [],
    cve: [],
    location: { kind: 'none' },
    asset: row.asset_key ?? '',
    categories: [],
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    status: row.status as FindingStatus,
    statusHistory: row.status_history as StatusChange[],
    auditType: 'code-review',
    references: [],
    requirements: [],
    occurrences: 1,
  };
}

/** Every finding of the engagement by fingerprint, as reconciliation needs it. */
export async function storedFindings(
  tx: QueryProps<unknown>['tx'],
  organisationId: string,
  engagementId: string,
) {
  const rows = await tx
    .selectFrom('findings')
    .select([
      'id',
      'fingerprint',
      'source',
      'rule_id',
      'title',
      'severity',
      'asset_key',
      'status',
      'status_history',
      'first_seen',
      'last_seen',
    ])
    .where('organisation_id', '=', organisationId)
    .where('engagement_id', '=', engagementId)
    .execute();
  return new Map<string, Stored>(rows.map((r) => [r.fingerprint, { id: r.id, finding: asFinding(r) }]));
}
