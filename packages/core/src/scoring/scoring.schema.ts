import { z } from 'zod';

export const ASSESSMENT_STATUSES = [
  'compliant',
  'partially-compliant',
  'non-compliant',
  'not-applicable',
  'not-assessed',
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** The statuses that carry a score; the other two only affect the denominator and coverage. */
export const SCORED_STATUSES = ['non-compliant', 'partially-compliant', 'compliant'] as const;
export type ScoredStatus = (typeof SCORED_STATUSES)[number];

/** One requirement as scoping left it: where it comes from, its domains, and whether it applies. */
export const scoredRequirementSchema = z.strictObject({
  urn: z.string().min(1),
  regulation: z.string().min(1),
  article: z.string().min(1),
  /** The title (or chapter) reference the requirement belongs to, e.g. `V` for MiCA Title V. */
  title: z.string().min(1),
  domains: z.array(z.string().min(1)).default([]),
  applicable: z.boolean(),
  weight: z.number().positive().finite().optional(),
});

export const assessmentSchema = z.strictObject({
  urn: z.string().min(1),
  status: z.enum(ASSESSMENT_STATUSES),
  maturity: z.number().int().min(0).max(5).optional(),
});

export const scoringInputSchema = z.strictObject({
  requirements: z.array(scoredRequirementSchema),
  assessments: z.array(assessmentSchema).default([]),
});

export type ScoredRequirement = z.infer<typeof scoredRequirementSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;
export type ScoringInput = z.infer<typeof scoringInputSchema>;
