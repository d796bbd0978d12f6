/**
 * The EngagementSnapshot: everything a deliverable is rendered from, as plain JSON (dates are ISO strings), so that
 * the same snapshot always gives byte-identical files and the JSON export reads back identically.
 */
import { z } from 'zod';
import {
  actionPlanSchema,
  ASSESSMENT_STATUSES,
  DomainError,
  formatIssue,
  incidentSchema,
  profileSchema,
  riskMatrixSchema,
  riskRegisterSchema,
  type ActionPlan,
  type Incident,
  type RiskRegisterInput,
} from '@mica-audit/core';

/** The JSON form of a value whose dates were serialised: what JSON.parse gives back. */
export type Jsonify<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Jsonify<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonify<T[K]> }
      : T;

/**
 * Keeps the raw JSON in the snapshot but validates it with a core schema (which coerces dates): the snapshot stays
 * serialisable as is, and core still only sees values that passed its own schema.
 */
function validatedBy<T>(schema: z.ZodType) {
  return z.unknown().superRefine((value, ctx) => {
    const result = schema.safeParse(value);
    if (result.success) return;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  }) as unknown as z.ZodType<T>;
}

const isoDate = z.iso.date();
const id = z.string().min(1);

export const LANGS = ['en', 'fr'] as const;
export type ReportLang = (typeof LANGS)[number];

export const CONFIDENTIALITY_LABELS = ['public', 'internal', 'confidential', 'restricted'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LABELS)[number];

/** Text written by people in one or both languages; the report falls back to the other language when one is missing. */
export const localTextSchema = z
  .strictObject({ en: z.string().min(1).optional(), fr: z.string().min(1).optional() })
  .refine((t) => t.en !== undefined || t.fr !== undefined, 'give the text in en, fr or both');
export type LocalText = z.infer<typeof localTextSchema>;

export const engagementSchema = z.strictObject({
  id,
  title: z.string().min(1),
  clientName: z.string().min(1),
  auditFirm: z.string().min(1),
  leadAuditor: z.string().min(1),
  startDate: isoDate,
  endDate: isoDate,
  reportDate: isoDate,
  reportVersion: z.string().min(1),
  confidentiality: z.enum(CONFIDENTIALITY_LABELS),
  language: z.enum(LANGS),
  /** Head hash of the tamper-evident audit log when the report was issued; copied into the manifest. */
  auditLogHead: z.string().min(1),
});

/** The five PASSI audit types (code review, configuration, architecture, intrusion test, organisational) and smart contracts. */
export const AUDIT_TYPES = [
  'organisational',
  'architecture',
  'configuration',
  'intrusion-test',
  'code-review',
  'smart-contract',
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export const FINDING_SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export const FINDING_STATUSES = ['open', 'fixed', 'accepted', 'false-positive'] as const;

export const methodologySchema = z.strictObject({
  auditTypesPerformed: z.array(z.enum(AUDIT_TYPES)),
  limitations: z.array(localTextSchema).default([]),
});

export const interviewNoteSchema = z.strictObject({
  date: isoDate,
  interviewee: z.string().min(1),
  note: localTextSchema,
});

export const assessmentRecordSchema = z.strictObject({
  urn: id,
  status: z.enum(ASSESSMENT_STATUSES),
  maturity: z.number().int().min(0).max(5).optional(),
  observation: localTextSchema.optional(),
  interviewNotes: z.array(interviewNoteSchema).default([]),
  assessor: z.string().min(1).optional(),
  assessedAt: isoDate.optional(),
  evidenceIds: z.array(id).default([]),
});

export const evidenceSchema = z.strictObject({
  id,
  fileName: z.string().min(1),
  title: localTextSchema.optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256 of the file'),
  size: z.number().int().min(0),
  mediaType: z.string().min(1),
  effectiveDate: isoDate,
  expiryDate: isoDate.optional(),
  urns: z.array(id).default([]),
});

export const findingLocationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('file'), file: z.string(), line: z.number().int().optional() }),
  z.strictObject({
    kind: z.literal('url'),
    url: z.string(),
    method: z.string().optional(),
    param: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('host'),
    host: z.string(),
    port: z.number().int().optional(),
    protocol: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('cloud'),
    provider: z.string(),
    resourceId: z.string(),
    region: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('contract'),
    contract: z.string(),
    function: z.string().optional(),
    line: z.number().int().optional(),
  }),
  z.strictObject({ kind: z.literal('package'), name: z.string(), version: z.string().optional() }),
  z.strictObject({ kind: z.literal('none') }),
]);
export type FindingLocation = z.infer<typeof findingLocationSchema>;

export const findingRecordSchema = z.strictObject({
  id,
  tool: z.string().min(1),
  ruleId: z.string().min(1),
  title: z.string().min(1),
  description: z.string().default(''),
  remediation: localTextSchema.optional(),
  severity: z.enum(FINDING_SEVERITIES),
  cvss: z
    .strictObject({
      version: z.string().min(1),
      score: z.number().min(0).max(10),
      vector: z.string().optional(),
    })
    .optional(),
  cwe: z.array(z.number().int().positive()).default([]),
  location: findingLocationSchema,
  asset: z.string().min(1),
  auditType: z.enum(AUDIT_TYPES),
  status: z.enum(FINDING_STATUSES),
  requirementUrns: z.array(id).default([]),
  firstSeen: isoDate,
});

export const riskSectionSchema = z.strictObject({
  register: validatedBy<Jsonify<RiskRegisterInput>>(riskRegisterSchema),
  matrix: riskMatrixSchema.optional(),
});

export const priorRoundSchema = z.strictObject({
  label: z.string().min(1),
  date: isoDate,
  assessments: z.array(
    z.strictObject({
      urn: id,
      status: z.enum(ASSESSMENT_STATUSES),
      maturity: z.number().int().min(0).max(5).optional(),
    }),
  ),
});

export const engagementSnapshotSchema = z.strictObject({
  schemaVersion: z.literal(1),
  engagement: engagementSchema,
  profile: profileSchema,
  /** The catalogue libraries and versions the engagement was scoped against. */
  catalogue: z.array(z.strictObject({ id, version: z.string().min(1) })).min(1),
  methodology: methodologySchema,
  assessments: z.array(assessmentRecordSchema),
  evidence: z.array(evidenceSchema),
  findings: z.array(findingRecordSchema),
  risks: riskSectionSchema,
  actions: validatedBy<Jsonify<ActionPlan>>(actionPlanSchema),
  incidents: z.array(validatedBy<Jsonify<Incident>>(incidentSchema)).default([]),
  priorRound: priorRoundSchema.optional(),
  /** Translations of free text written in one language (risk titles, owners…): `translations.fr["Text"] = "Texte"`. */
  translations: z.partialRecord(z.enum(LANGS), z.record(z.string(), z.string())).default({}),
});

export type EngagementSnapshot = z.infer<typeof engagementSnapshotSchema>;
export type SnapshotInput = z.input<typeof engagementSnapshotSchema>;
export type Engagement = z.infer<typeof engagementSchema>;
export type AssessmentRecord = z.infer<typeof assessmentRecordSchema>;
export type EvidenceRecord = z.infer<typeof evidenceSchema>;
export type FindingRecord = z.infer<typeof findingRecordSchema>;
export type RiskRegisterJson = Jsonify<RiskRegisterInput>;

/** Validates a snapshot; throws `report.invalid_snapshot` naming the first problem (`path: message`). */
export function parseSnapshot(value: unknown): EngagementSnapshot {
  const result = engagementSnapshotSchema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first === undefined ? '' : formatIssue(first);
  throw new DomainError(
    'report.invalid_snapshot',
    `invalid engagement snapshot: ${where}; fix the snapshot and render again`,
    {
      details: result.error.issues.map(formatIssue),
    },
  );
}
