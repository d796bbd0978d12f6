import { z } from 'zod';
import { ROLES } from '@mica-audit/core';

export const orgParams = z.strictObject({ organisationId: z.string().min(1) });
export const engagementParams = orgParams.extend({ engagementId: z.string().min(1) });
export const isoDate = z.iso.date();
export const role = z.enum(ROLES);
export const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};
