import { z } from 'zod';

export const ASSET_CATEGORIES = ['it-system', 'data', 'people', 'process'] as const;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];

export const TREATMENTS = ['reduce', 'accept', 'transfer', 'avoid'] as const;
export type Treatment = (typeof TREATMENTS)[number];

export const assetSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  category: z.enum(ASSET_CATEGORIES),
});

const level = z.number().int().min(1);

export const vulnerabilitySchema = z.strictObject({
  id: z.string().min(1),
  description: z.string().min(1),
  findingIds: z.array(z.string().min(1)).default([]),
  failedRequirementUrns: z.array(z.string().min(1)).default([]),
});

export const acceptanceSchema = z.strictObject({
  by: z.string().trim().min(1, 'required: who signed the acceptance'),
  at: z.coerce.date(),
  rationale: z.string().trim().min(1, 'required: why the risk is accepted'),
});

export const riskSchema = z
  .strictObject({
    id: z.string().min(1),
    title: z.string().min(1),
    assetIds: z.array(z.string().min(1)).min(1, 'name at least one asset the risk bears on'),
    threat: z.string().min(1),
    vulnerabilities: z.array(vulnerabilitySchema).default([]),
    inherent: z.strictObject({ likelihood: level, impact: level }),
    /** Either an explicit residual rating or the effectiveness (0-100 %) of the controls in place. */
    residual: z.strictObject({ likelihood: level, impact: level }).optional(),
    controlEffectiveness: z.number().min(0).max(100).optional(),
    treatment: z.enum(TREATMENTS),
    acceptance: acceptanceSchema.optional(),
    owner: z.string().trim().min(1),
    nextReviewAt: z.coerce.date(),
  })
  .superRefine((risk, ctx) => {
    if (risk.treatment === 'accept' && risk.acceptance === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['acceptance'],
        message: 'an accepted risk needs a recorded sign-off: acceptance { by, at, rationale }',
      });
    }
  });

export const riskRegisterSchema = z.strictObject({
  assets: z.array(assetSchema),
  risks: z.array(riskSchema),
  /** Residual scores above this value are outside the risk appetite. */
  appetite: z.number().int().min(0).optional(),
});

export type Asset = z.infer<typeof assetSchema>;
export type Vulnerability = z.infer<typeof vulnerabilitySchema>;
export type Acceptance = z.infer<typeof acceptanceSchema>;
export type Risk = z.infer<typeof riskSchema>;
export type RiskRegisterInput = z.infer<typeof riskRegisterSchema>;
