import type { Kysely } from 'kysely';
import { parseProfile, scope, type Catalogue } from '@mica-audit/core';
import {
  AUDIT_TYPES,
  bundledCatalogue,
  parseSnapshot,
  type EngagementSnapshot,
  type ReportLang,
} from '@mica-audit/report';
import { GENESIS_HASH } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { loadEngagementForJob } from './engagements.ts';
import {
  actionPlan,
  assetCategory,
  findingRecord,
  incidentRecord,
  isoDay,
  riskRecord,
  type Row,
} from './snapshot-registers.ts';

export interface SnapshotOptions {
  readonly lang: ReportLang;
  /** The report version printed on the cover and in the manifest ("1", "2"…). */
  readonly version: string;
  /** The catalogue to scope with; the bundled one by default. */
  readonly catalogue?: Catalogue;
  /** The report date; today (UTC) by default. */
  readonly now?: Date;
}

/** The head of the hash-chained audit log (the genesis hash while it is empty). */
export async function auditLogHead(tx: Kysely<Database>): Promise<string> {
  const last = await tx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.hash ?? GENESIS_HASH;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const SCOPE_ASSET = 'scope';

/**
 * Reads one engagement and everything it holds into a validated EngagementSnapshot: the input of every deliverable.
 * The caller has authorized the reader; every query filters on the organisation. Empty registers give a valid
 * snapshot; an applicable requirement without an assessment row is reported as not assessed.
 */
export async function buildSnapshot(
  tx: Kysely<Database>,
  organisationId: string,
  engagementId: string,
  options: SnapshotOptions,
): Promise<EngagementSnapshot> {
  const engagement = await loadEngagementForJob(tx, organisationId, engagementId);
  const catalogue = options.catalogue ?? (await bundledCatalogue());
  const profile = parseProfile(engagement.profile);
  const scoped = scope(profile, catalogue);
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const tenant = <T extends keyof Database>(table: T) =>
    tx
      .selectFrom(table as 'findings')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('engagement_id', '=', engagementId)
      .orderBy('created_at')
      .orderBy('id');
  const organisation = await tx
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const members = await tx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'memberships.role'])
    .where('memberships.organisation_id', '=', organisationId)
    .execute();
  const nameOf = new Map(members.map((m) => [m.id, m.name]));
  const lead =
    members.find((m) => engagement.team.includes(m.id) && m.role === 'lead-auditor') ??
    members.find((m) => engagement.team.includes(m.id)) ??
    members.find((m) => m.role === 'lead-auditor') ??
    members.find((m) => m.role === 'admin');

  const assessments = await tx
    .selectFrom('assessments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('engagement_id', '=', engagementId)
    .where('out_of_scope', 'is', null) // kept auditor work of requirements a re-scope took out: not reported
    .orderBy('requirement_urn')
    .execute();
  const evidence = await tx
    .selectFrom('evidence')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('engagement_id', '=', engagementId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const links =
    evidence.length === 0
      ? []
      : await tx
          .selectFrom('evidence_links')
          .select(['evidence_id', 'requirement_urn'])
          .where('organisation_id', '=', organisationId)
          .where(
            'evidence_id',
            'in',
            evidence.map((e) => e.id),
          )
          .orderBy('requirement_urn')
          .execute();
  const assets = (await tenant('assets').execute()) as unknown as Row[];
  const findings = (await tenant('findings').execute()) as unknown as Row[];
  const risks = (await tenant('risks').execute()) as unknown as Row[];
  const actions = (await tenant('actions').execute()) as unknown as Row[];
  const incidents = (await tenant('incidents').execute()) as unknown as Row[];
  const storedPlan = await tx
    .selectFrom('action_plans')
    .select('plan')
    .where('organisation_id', '=', organisationId)
    .where('engagement_id', '=', engagementId)
    .executeTakeFirst();

  // Scoping decides which requirements the report covers; rows for requirements no longer applicable are left out.
  const applicable = new Set(scoped.requirements.filter((r) => r.applicable).map((r) => r.urn));
  const byUrn = new Map(assessments.map((a) => [a.requirement_urn, a]));
  const evidenceOfUrn = Map.groupBy(links, (l) => l.requirement_urn);
  const urnsOfEvidence = Map.groupBy(links, (l) => l.evidence_id);
  const observationKey = options.lang;
  const assessmentRecords = [...applicable].sort().map((urn) => {
    const row = byUrn.get(urn);
    const evidenceIds = (evidenceOfUrn.get(urn) ?? []).map((l) => l.evidence_id);
    if (row === undefined) return { urn, status: 'not-assessed' as const, interviewNotes: [], evidenceIds };
    const assessedAt = row.status === 'not-assessed' ? undefined : isoDay(row.updated_at);
    const assessor = row.assessor_id === null ? undefined : nameOf.get(row.assessor_id);
    return {
      urn,
      status: row.status,
      ...(row.maturity === null ? {} : { maturity: row.maturity }),
      ...(row.observation.trim() === '' ? {} : { observation: { [observationKey]: row.observation } }),
      interviewNotes:
        row.interview_notes.trim() === ''
          ? []
          : [
              {
                date: isoDay(row.updated_at) ?? today,
                interviewee: '—',
                note: { [observationKey]: row.interview_notes },
              },
            ],
      ...(assessor === undefined ? {} : { assessor }),
      ...(assessedAt === undefined ? {} : { assessedAt }),
      evidenceIds,
    };
  });

  const assetName = new Map(assets.map((a) => [String(a.id), String(a.name)]));
  const findingRecords = findings.map((f) =>
    findingRecord(f, typeof f.asset_id === 'string' ? assetName.get(f.asset_id) : undefined),
  );
  const registerAssets = assets.map((a) => ({
    id: String(a.id),
    name: String(a.name),
    category: assetCategory(a.kind),
  }));
  const needsScopeAsset = risks.length > 0 && registerAssets.length === 0;
  if (needsScopeAsset)
    registerAssets.push({ id: SCOPE_ASSET, name: profile.name, category: 'process' as const });
  const reportEnd = engagement.end_date ?? today;
  const snapshot = {
    schemaVersion: 1,
    engagement: {
      id: engagement.id,
      title: engagement.name,
      clientName: profile.name,
      auditFirm: organisation.name,
      leadAuditor: lead?.name ?? 'not assigned',
      startDate: engagement.start_date ?? isoDay(engagement.created_at) ?? today,
      endDate: reportEnd,
      reportDate: today,
      reportVersion: options.version,
      confidentiality: 'confidential',
      language: options.lang,
      auditLogHead: await auditLogHead(tx),
    },
    profile,
    catalogue: engagement.catalogue,
    methodology: {
      auditTypesPerformed: AUDIT_TYPES.filter((t) => findingRecords.some((f) => f.auditType === t)),
      limitations: [],
    },
    assessments: assessmentRecords,
    evidence: evidence.map((e) => ({
      id: e.id,
      fileName: e.file_name,
      title: { [observationKey]: e.title },
      sha256: e.sha256,
      size: Number(e.size),
      mediaType: e.media_type,
      effectiveDate: e.effective_date ?? isoDay(e.created_at) ?? today,
      ...(e.expiry_date === null ? {} : { expiryDate: e.expiry_date }),
      urns: (urnsOfEvidence.get(e.id) ?? []).map((l) => l.requirement_urn),
    })),
    findings: findingRecords,
    risks: {
      register: {
        assets: registerAssets,
        risks: risks.map((r) =>
          riskRecord(r, {
            ownerName: typeof r.owner_id === 'string' ? nameOf.get(r.owner_id) : undefined,
            assets: registerAssets,
            reviewDefault: addDays(today, 180),
            now: options.now ?? new Date(),
          }),
        ),
      },
    },
    actions: actionPlan(storedPlan?.plan, actions, {
      now: `${today}T00:00:00.000Z`,
      ownerOf: (row) => (typeof row.owner_id === 'string' ? (nameOf.get(row.owner_id) ?? null) : null),
      dueDefault: `${addDays(reportEnd, 90)}T00:00:00.000Z`,
    }),
    incidents: incidents.map(incidentRecord),
  };
  return parseSnapshot(JSON.parse(JSON.stringify(snapshot)));
}
