import type { Migration } from 'kysely/migration';
import * as initialSchema from './20261122133000-initial-schema.ts';
import * as invitations from './20261122141500-invitations.ts';
import * as jobsLeaseAndReports from './20261122144119-jobs-lease-and-reports.ts';
import * as riskIncidentActionRegisters from './20261122144053-risk-incident-action-registers.ts';
import * as findingsImports from './20261122144106-findings-imports.ts';
import * as signInThrottle from './20261122144443-sign-in-throttle.ts';

/** Every migration, by name. Static so that bundling or type stripping never depends on reading a folder. */
export const MIGRATIONS: Record<string, Migration> = {
  '20261122133000-initial-schema': initialSchema,
  '20261122141500-invitations': invitations,
  '20261122144119-jobs-lease-and-reports': jobsLeaseAndReports,
  '20261122144053-risk-incident-action-registers': riskIncidentActionRegisters,
  '20261122144106-findings-imports': findingsImports,
  '20261122144443-sign-in-throttle': signInThrottle,
};
