import { z } from 'zod';

export const CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const EFFORTS = ['S', 'M', 'L'] as const;
export type Effort = (typeof EFFORTS)[number];

export const IMPACTS = ['low', 'medium', 'high'] as const;
export type Impact = (typeof IMPACTS)[number];

export const KINDS = ['quick-win', 'strategic-project', 'fill-in', 'low-priority'] as const;
export type Kind = (typeof KINDS)[number];

export const ACTION_STATUSES = ['open', 'in-progress', 'blocked', 'done', 'source-resolved'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

const remedy = {
  remedyKey: z.string().min(1).optional(),
  effort: z.enum(EFFORTS).optional(),
  owner: z.string().min(1).optional(),
};

/** A requirement assessed non-compliant or partially compliant. */
export const gapSchema = z.strictObject({
  urn: z.string().min(1),
  /** How people cite the requirement (`DORA Art. 28(8)`); the URN stands in when absent. */
  ref: z.string().min(1).optional(),
  title: z.string().min(1),
  status: z.enum(['non-compliant', 'partially-compliant']),
  /** Regulatory criticality of the requirement, from the catalogue. */
  criticality: z.enum(CRITICALITIES).default('medium'),
  ...remedy,
});

/** A technical finding; only open findings above `info` produce recommendations. */
export const findingSchema = z.strictObject({
  id: z.string().min(1),
  ruleId: z.string().min(1),
  title: z.string().min(1),
  severity: z.enum(SEVERITIES),
  status: z.enum(['open', 'closed']).default('open'),
  assetId: z.string().min(1).optional(),
  requirementUrns: z.array(z.string().min(1)).default([]),
  ...remedy,
});

/** A rated risk; only risks above appetite produce recommendations, all of them inform the risk factor. */
export const riskSourceSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  residualScore: z.number().int().min(1),
  maxScore: z.number().int().min(1),
  aboveAppetite: z.boolean(),
  requirementUrns: z.array(z.string().min(1)).default([]),
  findingIds: z.array(z.string().min(1)).default([]),
  ...remedy,
});

export const actionInputsSchema = z.strictObject({
  gaps: z.array(gapSchema).default([]),
  findings: z.array(findingSchema).default([]),
  risks: z.array(riskSourceSchema).default([]),
});

export type Gap = z.infer<typeof gapSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type RiskSource = z.infer<typeof riskSourceSchema>;
export type ActionInputs = z.infer<typeof actionInputsSchema>;

export const EDITABLE_FIELDS = [
  'title',
  'priority',
  'effort',
  'owner',
  'dueDate',
  'status',
  'dependencies',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export const recommendationPatchSchema = z.strictObject({
  title: z.string().trim().min(1).optional(),
  priority: z.number().int().min(0).max(100).optional(),
  effort: z.enum(EFFORTS).optional(),
  owner: z.string().trim().min(1).nullable().optional(),
  dueDate: z.coerce.date().optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  dependencies: z.array(z.string().min(1)).optional(),
});
export type RecommendationPatch = z.infer<typeof recommendationPatchSchema>;

export const editorSchema = z.strictObject({ by: z.string().trim().min(1), at: z.coerce.date() });
export type Editor = z.infer<typeof editorSchema>;

export type SourceKind = 'gap' | 'finding' | 'risk';

/** One source of a recommendation with the values computed for it alone. */
export interface SourceEntry {
  readonly kind: SourceKind;
  readonly id: string;
  readonly remedyKey: string;
  readonly title: string;
  readonly priority: number;
  readonly effort: Effort;
  readonly owner: string | null;
  readonly assetId: string | null;
}

export interface Recommendation {
  readonly id: string;
  /** Generated remedies this item answers; regeneration routes new sources with these keys here. */
  readonly remedyKeys: readonly string[];
  readonly sources: readonly SourceEntry[];
  readonly title: string;
  readonly priority: number;
  readonly effort: Effort;
  readonly impact: Impact;
  readonly kind: Kind;
  readonly owner: string | null;
  readonly createdAt: Date;
  readonly dueDate: Date;
  readonly status: ActionStatus;
  readonly dependencies: readonly string[];
  readonly origin: 'generated' | 'merged' | 'split';
  readonly derivedFrom: readonly string[];
  /** Fields a person set: regeneration never overwrites them. */
  readonly edits: Readonly<Partial<Record<EditableField, Editor>>>;
  /** True when none of the sources is present any more in the latest inputs. */
  readonly sourceResolved: boolean;
}

export interface ActionPlan {
  readonly generatedAt: Date;
  readonly items: readonly Recommendation[];
}

const sourceEntrySchema = z.strictObject({
  kind: z.enum(['gap', 'finding', 'risk']),
  id: z.string().min(1),
  remedyKey: z.string().min(1),
  title: z.string().min(1),
  priority: z.number().int().min(0).max(100),
  effort: z.enum(EFFORTS),
  owner: z.string().nullable(),
  assetId: z.string().nullable(),
});

/** A stored plan as read back from JSON (dates as ISO strings), validated before `regenerate` or an edit. */
export const actionPlanSchema = z.strictObject({
  generatedAt: z.coerce.date(),
  items: z.array(
    z.strictObject({
      id: z.string().min(1),
      remedyKeys: z.array(z.string().min(1)),
      sources: z.array(sourceEntrySchema),
      title: z.string().min(1),
      priority: z.number().int().min(0).max(100),
      effort: z.enum(EFFORTS),
      impact: z.enum(IMPACTS),
      kind: z.enum(KINDS),
      owner: z.string().nullable(),
      createdAt: z.coerce.date(),
      dueDate: z.coerce.date(),
      status: z.enum(ACTION_STATUSES),
      dependencies: z.array(z.string().min(1)),
      origin: z.enum(['generated', 'merged', 'split']),
      derivedFrom: z.array(z.string().min(1)),
      edits: z.partialRecord(z.enum(EDITABLE_FIELDS), editorSchema),
      sourceResolved: z.boolean(),
    }),
  ),
});
