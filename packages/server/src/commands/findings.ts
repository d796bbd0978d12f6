import { sql, type Selectable } from 'kysely';
import { DomainError, authorize, type Catalogue } from '@mica-audit/core';
import type { FindingStatus, StatusChange } from '@mica-audit/importers';
import { appendAudit } from '../audit/audit-log.ts';
import type { FindingTable } from '../db/schema.ts';
import { json } from '../db/json.ts';
import { found, notFound, type CommandProps, type InOrganisation, type QueryProps } from './context.ts';
import { loadEngagement } from './engagements.ts';
import { checkVersion } from './stale-version.ts';

type Row = Selectable<FindingTable>;
type Tx = QueryProps<unknown>['tx'];

export interface FindingView {
  readonly id: string;
  readonly engagementId: string;
  readonly assetId: string | null;
  readonly asset: string | null;
  readonly title: string;
  readonly severity: string;
  readonly cvss: number | null;
  /** The producing tool (kept in `source` for the web app's register view). */
  readonly source: string;
  readonly tool: string;
  readonly ruleId: string;
  readonly auditType: string | null;
  readonly fingerprint: string;
  readonly status: string;
  readonly statusHistory: readonly unknown[];
  readonly requirementUrns: readonly string[];
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly importId: string | null;
  readonly detail: unknown;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function findingView(r: Row): FindingView {
  return {
    id: r.id,
    engagementId: r.engagement_id,
    assetId: r.asset_id,
    asset: r.asset_key,
    title: r.title,
    severity: r.severity,
    cvss: r.cvss,
    source: r.source,
    tool: r.source,
    ruleId: r.rule_id,
    auditType: r.audit_type,
    fingerprint: r.fingerprint,
    status: r.status,
    statusHistory: r.status_history,
    requirementUrns: r.requirements,
    firstSeen: r.first_seen.toISOString(),
    lastSeen: r.last_seen.toISOString(),
    importId: r.import_id,
    detail: r.detail,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export interface FindingFilter extends InOrganisation {
  readonly engagementId: string;
  readonly tool?: string | undefined;
  readonly severity?: readonly string[] | undefined;
  readonly auditType?: readonly string[] | undefined;
  readonly status?: readonly string[] | undefined;
  /** An asset id or a normalised asset key. */
  readonly asset?: string | undefined;
  readonly requirementUrn?: string | undefined;
  /** Words the title or rule id contains (case-insensitive). */
  readonly q?: string | undefined;
  /** A column, `-` first for descending; without it, oldest first. */
  readonly sort?: FindingSort | undefined;
  readonly page: number;
  readonly pageSize: number;
}

export const FINDING_SORTS = [
  'severity',
  '-severity',
  'cvss',
  '-cvss',
  'title',
  '-title',
  'tool',
  '-tool',
  'status',
  '-status',
  'lastSeen',
  '-lastSeen',
] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];

// Severity is stored as a word; rank it so "most severe first" is a plain descending sort.
const severityRank = sql<number>`case severity when 'critical' then 5 when 'high' then 4 when 'medium' then 3 when 'low' then 2 else 1 end`;
const SORT_COLUMNS = {
  severity: severityRank,
  cvss: sql<number>`cvss`,
  title: sql<string>`lower(title)`,
  tool: sql<string>`lower(source)`,
  status: sql<string>`status`,
  lastSeen: sql<Date>`last_seen`,
} as const;

/** One page of the engagement's findings, filtered; sorted as asked, else oldest first. */
export async function listFindings({ actor, input, tx }: QueryProps<FindingFilter>) {
  authorize(actor, 'finding.read', input);
  await loadEngagement(tx, actor, input);
  let query = tx
    .selectFrom('findings')
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId);
  if (input.tool !== undefined)
    query = query.where(sql<string>`lower(source)`, '=', input.tool.toLowerCase());
  if (input.severity !== undefined) query = query.where('severity', 'in', input.severity);
  if (input.auditType !== undefined) query = query.where('audit_type', 'in', input.auditType);
  if (input.status !== undefined) query = query.where('status', 'in', input.status);
  const asset = input.asset;
  if (asset !== undefined)
    query = query.where((eb) => eb.or([eb('asset_id', '=', asset), eb('asset_key', '=', asset)]));
  if (input.requirementUrn !== undefined)
    query = query.where(sql<boolean>`requirements @> ${json([input.requirementUrn])}::jsonb`);
  const q = input.q?.trim();
  if (q !== undefined && q !== '') {
    // LIKE wildcards in the text are literal: the search is for what was typed.
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql<string>`lower(title)`, 'like', pattern),
        eb(sql<string>`lower(rule_id)`, 'like', pattern),
      ]),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let sorted = query.selectAll();
  if (input.sort !== undefined) {
    const descending = input.sort.startsWith('-');
    const column = SORT_COLUMNS[input.sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS];
    sorted = sorted.orderBy(column, (ob) => (descending ? ob.desc() : ob.asc()).nullsLast());
  }
  const rows = await sorted
    .orderBy('created_at')
    .orderBy('id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { items: rows.map(findingView), page: input.page, pageSize: input.pageSize, total: Number(total.n) };
}

export interface FacetValue {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

/** The values the findings filters can take in this engagement, with how many findings carry each. */
export interface FindingFacets {
  readonly total: number;
  readonly tools: readonly FacetValue[];
  readonly severities: readonly FacetValue[];
  readonly auditTypes: readonly FacetValue[];
  readonly statuses: readonly FacetValue[];
  /** Value: the asset id, or the finding's asset key when no asset row is linked. */
  readonly assets: readonly FacetValue[];
}

/** Distinct tools, severities, audit types, statuses and assets of the engagement's findings, with counts. */
export async function findingFacets({
  actor,
  input,
  tx,
}: QueryProps<InOrganisation & { readonly engagementId: string }>): Promise<FindingFacets> {
  authorize(actor, 'finding.read', input);
  await loadEngagement(tx, actor, input);
  const base = tx
    .selectFrom('findings')
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId);
  const group = async (column: 'source' | 'severity' | 'audit_type' | 'status') => {
    const rows = await base
      .select([sql<string | null>`${sql.ref(column)}`.as('value'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(column)
      .execute();
    return rows
      .filter((r): r is typeof r & { value: string } => r.value !== null)
      .map((r) => ({ value: r.value, label: r.value, count: Number(r.n) }))
      .sort((a, b) => a.value.localeCompare(b.value));
  };
  const assets = await tx
    .selectFrom('findings as f')
    .leftJoin('assets as a', (join) =>
      join.onRef('a.id', '=', 'f.asset_id').onRef('a.organisation_id', '=', 'f.organisation_id'),
    )
    .where('f.organisation_id', '=', input.organisationId)
    .where('f.engagement_id', '=', input.engagementId)
    .where((eb) => eb.or([eb('f.asset_id', 'is not', null), eb('f.asset_key', 'is not', null)]))
    .select([
      sql<string>`coalesce(f.asset_id, f.asset_key)`.as('value'),
      sql<string>`coalesce(a.name, f.asset_key, f.asset_id)`.as('label'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy([sql`coalesce(f.asset_id, f.asset_key)`, sql`coalesce(a.name, f.asset_key, f.asset_id)`])
    .execute();
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    total: Number(total.n),
    tools: await group('source'),
    severities: await group('severity'),
    auditTypes: await group('audit_type'),
    statuses: await group('status'),
    assets: assets
      .map((r) => ({ value: r.value, label: r.label, count: Number(r.n) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}

export type FindingInput = InOrganisation & { readonly engagementId: string; readonly findingId: string };

/** The finding; `forUpdate` locks its row until commit, so two writers at the same version cannot both pass the check. */
async function loadFinding(tx: Tx, input: FindingInput, lock: 'forUpdate' | 'read' = 'read'): Promise<Row> {
  const query = tx
    .selectFrom('findings')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    .where('id', '=', input.findingId);
  return found(
    await (lock === 'forUpdate' ? query.forUpdate() : query).executeTakeFirst(),
    'finding',
    input.findingId,
  );
}

/** One finding with its history and requirement links. */
export async function getFinding({ actor, input, tx }: QueryProps<FindingInput>): Promise<FindingView> {
  authorize(actor, 'finding.read', input);
  await loadEngagement(tx, actor, input);
  return findingView(await loadFinding(tx, input));
}

export interface FindingStatusInput extends FindingInput {
  readonly version: number;
  readonly status: FindingStatus;
  readonly reason?: string | undefined;
}

/** Sets a finding's status (accepted, false-positive, fixed, open), appending the change to its history. */
export async function setFindingStatus({
  actor,
  input,
  tx,
}: CommandProps<FindingStatusInput>): Promise<FindingView> {
  authorize(actor, 'finding.update', input);
  await loadEngagement(tx, actor, input);
  const before = await loadFinding(tx, input, 'forUpdate');
  checkVersion('finding', before, input.version, findingView, {
    advice: 'reload it and apply your change again',
  });
  const change: StatusChange & { actorId: string } = {
    status: input.status,
    at: new Date().toISOString(),
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    actorId: actor.userId,
  };
  const after = await tx
    .updateTable('findings')
    .set({
      status: input.status,
      status_history: json([...before.status_history, change]),
      version: before.version + 1,
      updated_at: new Date(),
    })
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'finding.update',
    entityType: 'finding',
    entityId: before.id,
    before: { status: before.status, version: before.version },
    after: { status: after.status, version: after.version, reason: input.reason ?? null },
  });
  return findingView(after);
}

const assessable = new WeakMap<Catalogue, ReadonlySet<string>>();
function assessableUrns(catalogue: Catalogue): ReadonlySet<string> {
  let set = assessable.get(catalogue);
  if (set === undefined) {
    set = new Set(catalogue.libraries.flatMap((l) => l.nodes.filter((n) => n.assessable).map((n) => n.urn)));
    assessable.set(catalogue, set);
  }
  return set;
}

export interface FindingLinkInput extends FindingInput {
  readonly requirementUrn: string;
  readonly link: boolean;
}

/** Links a finding to a requirement it is evidence against, or removes the link. */
export async function setFindingLink({
  actor,
  input,
  tx,
  catalogue,
}: CommandProps<FindingLinkInput> & { readonly catalogue: Catalogue }): Promise<FindingView> {
  authorize(actor, 'finding.update', input);
  await loadEngagement(tx, actor, input);
  const before = await loadFinding(tx, input, 'forUpdate');
  if (input.link && !assessableUrns(catalogue).has(input.requirementUrn))
    throw new DomainError(
      'finding.unknown_requirement',
      `requirementUrn: ${input.requirementUrn} is not an assessable requirement of the catalogue`,
      { path: 'requirementUrn' },
    );
  const has = before.requirements.includes(input.requirementUrn);
  if (!input.link && !has) throw notFound('finding link', input.requirementUrn);
  const urns = input.link
    ? [...new Set([...before.requirements, input.requirementUrn])].sort()
    : before.requirements.filter((u) => u !== input.requirementUrn);
  const after = await tx
    .updateTable('findings')
    .set({ requirements: json(urns), version: before.version + 1, updated_at: new Date() })
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: input.link ? 'finding.link' : 'finding.unlink',
    entityType: 'finding',
    entityId: before.id,
    before: { requirementUrns: before.requirements },
    after: { requirementUrns: urns },
  });
  return findingView(after);
}
