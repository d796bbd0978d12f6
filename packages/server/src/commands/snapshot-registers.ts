/**
 * Maps the workspace's register rows (findings, risks, incidents, actions) to the EngagementSnapshot's shapes.
 * Rows are read as plain records: the registers are still growing columns, and a row that lacks a structured field
 * gets a documented default rather than failing the whole report.
 */
import {
  actionPlanSchema,
  incidentSchema,
  riskRegister,
  riskRegisterSchema,
  ACTION_STATUSES,
  ASSET_CATEGORIES,
  TREATMENTS,
  type AssetCategory,
} from '@mica-audit/core';
import {
  AUDIT_TYPES,
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  findingLocationSchema,
  localTextSchema,
  type AuditType,
} from '@mica-audit/report';

export type Row = Record<string, unknown>;

export function isoDay(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return undefined;
}

function iso(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return undefined;
}

function record(value: unknown): Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.find((v) => v === value);
}

/** Which PASSI audit type a tool's results belong to, when the finding does not say. */
const AUDIT_TYPE_BY_TOOL: Readonly<Record<string, AuditType>> = {
  sarif: 'code-review',
  semgrep: 'code-review',
  gitleaks: 'code-review',
  'npm-audit': 'code-review',
  trivy: 'configuration',
  checkov: 'configuration',
  prowler: 'configuration',
  testssl: 'configuration',
  nmap: 'architecture',
  openvas: 'intrusion-test',
  zap: 'intrusion-test',
  nuclei: 'intrusion-test',
  burp: 'intrusion-test',
  slither: 'smart-contract',
  mythril: 'smart-contract',
};

/** A finding row as the snapshot's finding record. */
export function findingRecord(row: Row, assetName: string | undefined) {
  const detail = { ...record(row.detail), ...record(row.details) };
  const tool = text(row.tool) ?? text(row.source) ?? 'manual';
  const score = typeof row.cvss === 'number' ? row.cvss : undefined;
  const severity = String(row.severity).toLowerCase();
  const status = String(row.status);
  const location = findingLocationSchema.safeParse(detail.location);
  const remediation = localTextSchema.safeParse(
    typeof detail.remediation === 'string' ? { en: detail.remediation } : detail.remediation,
  );
  return {
    id: String(row.id),
    tool,
    ruleId: text(row.rule_id) ?? text(detail.ruleId) ?? '—',
    title: String(row.title),
    description: text(detail.description) ?? '',
    ...(remediation.success ? { remediation: remediation.data } : {}),
    severity:
      oneOf(FINDING_SEVERITIES, severity) ?? (severity.startsWith('info') ? 'info' : ('medium' as const)),
    ...(score === undefined ? {} : { cvss: { version: text(detail.cvssVersion) ?? '3.1', score } }),
    cwe: Array.isArray(detail.cwe)
      ? detail.cwe.filter((c): c is number => Number.isInteger(c) && (c as number) > 0)
      : [],
    location: location.success ? location.data : { kind: 'none' as const },
    asset: assetName ?? text(row.asset_key) ?? 'unspecified',
    auditType:
      oneOf(AUDIT_TYPES, row.audit_type) ?? AUDIT_TYPE_BY_TOOL[tool.toLowerCase()] ?? 'intrusion-test',
    status:
      oneOf(FINDING_STATUSES, status) ??
      (status === 'closed' || status === 'resolved' ? ('fixed' as const) : ('open' as const)),
    requirementUrns: [...strings(row.requirements), ...strings(detail.requirementUrns)],
    firstSeen: isoDay(row.first_seen) ?? isoDay(row.created_at) ?? '1970-01-01',
  };
}

/** The risk-register asset category of a workspace asset kind. */
export function assetCategory(kind: unknown): AssetCategory {
  return oneOf(ASSET_CATEGORIES, kind) ?? 'it-system';
}

/** A risk row as a core risk: structured fields from `detail` when they are valid, defaults otherwise. */
export function riskRecord(
  row: Row,
  context: {
    ownerName: string | undefined;
    assets: readonly { id: string; name: string; category: AssetCategory }[];
    reviewDefault: string;
    now: Date;
  },
): unknown {
  const known = new Set(context.assets.map((a) => a.id));
  const detail = record(row.detail);
  const level = (n: unknown) => Math.min(5, Math.max(1, Math.round(Number(n) || 1)));
  const treatment = oneOf(TREATMENTS, row.treatment) ?? (row.treatment === 'mitigate' ? 'reduce' : 'reduce');
  const base = {
    id: String(row.id),
    title: String(row.title),
    assetIds: strings(detail.assetIds).some((id) => known.has(id))
      ? strings(detail.assetIds).filter((id) => known.has(id))
      : [context.assets[0]?.id ?? ''],
    threat: text(detail.threat) ?? String(row.title),
    vulnerabilities: Array.isArray(detail.vulnerabilities) ? detail.vulnerabilities : [],
    inherent: { likelihood: level(row.likelihood), impact: level(row.impact) },
    ...(detail.residual === undefined ? {} : { residual: detail.residual }),
    ...(typeof detail.controlEffectiveness === 'number'
      ? { controlEffectiveness: detail.controlEffectiveness }
      : {}),
    treatment,
    ...(detail.acceptance === undefined ? {} : { acceptance: detail.acceptance }),
    owner: text(detail.owner) ?? context.ownerName ?? 'unassigned',
    nextReviewAt: isoDay(row.next_review_at) ?? isoDay(detail.nextReviewAt) ?? context.reviewDefault,
  };
  // Rated on its own against the register's assets: core refuses unknown assets and residual above inherent.
  const rates = (risk: unknown) => {
    try {
      riskRegister(riskRegisterSchema.parse({ assets: context.assets, risks: [risk] }), {
        now: context.now,
      });
      return true;
    } catch {
      return false;
    }
  };
  if (rates(base)) return base;
  // A structured field did not validate (or an accepted risk has no sign-off): keep the rating, drop the rest.
  return {
    ...base,
    vulnerabilities: [],
    residual: undefined,
    controlEffectiveness: undefined,
    treatment: treatment === 'accept' ? 'reduce' : treatment,
    acceptance: undefined,
  };
}

/** An incident row as a core incident (DORA classification input). */
export function incidentRecord(row: Row): unknown {
  const legacy = record(row.classification);
  const impact = record(row.impact);
  const candidate = {
    id: String(row.id),
    title: String(row.title),
    awareAt: iso(row.aware_at) ?? iso(row.occurred_at),
    ...(iso(row.classified_at) === undefined ? {} : { classifiedAt: iso(row.classified_at) }),
    impact:
      Object.keys(impact).length > 0
        ? impact
        : {
            criticalServicesAffected: legacy.criticalServicesAffected === true,
            ...(typeof legacy.clientsAffected === 'number'
              ? { clients: { affected: legacy.clientsAffected } }
              : {}),
            ...(typeof legacy.durationHours === 'number' ? { durationHours: legacy.durationHours } : {}),
          },
    ...(iso(row.initial_sent_at) === undefined ? {} : { initialSentAt: iso(row.initial_sent_at) }),
    ...(iso(row.intermediate_sent_at) === undefined
      ? {}
      : { intermediateSentAt: iso(row.intermediate_sent_at) }),
    ...(iso(row.final_sent_at) === undefined ? {} : { finalSentAt: iso(row.final_sent_at) }),
  };
  if (incidentSchema.safeParse(candidate).success) return candidate;
  return {
    id: candidate.id,
    title: candidate.title,
    awareAt: candidate.awareAt,
    impact: { criticalServicesAffected: false },
  };
}

const PRIORITY: Readonly<Record<string, number>> = {
  critical: 95,
  high: 80,
  'quick-win': 70,
  medium: 50,
  low: 20,
};

/**
 * The engagement's action plan: the persisted core plan when there is one, else the action rows as plan items.
 * `now` stands for the plan's generation date when it is built from rows.
 */
export function actionPlan(
  stored: unknown,
  rows: readonly Row[],
  context: { now: string; ownerOf: (row: Row) => string | null; dueDefault: string },
): unknown {
  if (stored !== undefined && actionPlanSchema.safeParse(stored).success) return stored;
  return {
    generatedAt: context.now,
    items: rows.map((row) => {
      const priority = PRIORITY[String(row.priority)] ?? 50;
      return {
        id: String(row.id),
        remedyKeys: [],
        sources: [],
        title: String(row.title),
        priority,
        effort: 'M',
        impact: priority >= 80 ? 'high' : priority >= 50 ? 'medium' : 'low',
        kind: row.priority === 'quick-win' ? 'quick-win' : priority >= 80 ? 'strategic-project' : 'fill-in',
        owner: context.ownerOf(row),
        createdAt: iso(row.created_at) ?? context.now,
        dueDate: iso(row.due_date) ?? context.dueDefault,
        status: oneOf(ACTION_STATUSES, row.status) ?? 'open',
        dependencies: [],
        origin: 'generated',
        derivedFrom: [],
        edits: {},
        sourceResolved: false,
      };
    }),
  };
}
