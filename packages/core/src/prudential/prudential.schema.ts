import { z } from 'zod';
import { profileSchema, type Profile } from '../profile/profile.schema.ts';

/** The profile fields the calculators read; any validated profile fits. */
export type PrudentialProfile = Pick<Profile, 'legalStatus' | 'services' | 'issuance' | 'facts'>;

/** Calculators take a validated entity profile: the same schema as scoping. */
export const prudentialInputSchema = profileSchema;

/** Art. 43(1)(e) and (f) are qualitative and assessed by the EBA; the auditor may record a view on them. */
export const significanceJudgementSchema = z.strictObject({
  internationalSignificance: z.boolean().optional(),
  interconnectedness: z.boolean().optional(),
});

export type SignificanceJudgement = z.infer<typeof significanceJudgementSchema>;
