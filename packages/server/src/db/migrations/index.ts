import type { Migration } from 'kysely/migration';
import * as initialSchema from './20261122133000-initial-schema.ts';
import * as invitations from './20261122141500-invitations.ts';
import * as jobsLeaseAndReports from './20261122144119-jobs-lease-and-reports.ts';
import * as riskIncidentActionRegisters from './20261122144053-risk-incident-action-registers.ts';
import * as findingsImports from './20261122144106-findings-imports.ts';
import * as signInThrottle from './20261122144443-sign-in-throttle.ts';
import * as assessmentsRevision from './20261122160000-assessments-revision.ts';
import * as rescope from './20261122161000-rescope.ts';
import * as invitationMail from './20261122161500-invitation-mail.ts';
import * as importJobs from './20261122162000-import-jobs.ts';
import * as assessmentAssignee from './20261122163000-assessment-assignee.ts';
import * as maintenanceTasks from './20261122171000-maintenance-tasks.ts';
import * as findingsReferencesPerStatement from './20261122190000-findings-references-per-statement.ts';
import * as changeNotifications from './20261122180000-change-notifications.ts';

/** Every migration, by name. Static so that bundling or type stripping never depends on reading a folder. */
export const MIGRATIONS: Record<string, Migration> = {
  '20261122133000-initial-schema': initialSchema,
  '20261122141500-invitations': invitations,
  '20261122144119-jobs-lease-and-reports': jobsLeaseAndReports,
  '20261122144053-risk-incident-action-registers': riskIncidentActionRegisters,
  '20261122144106-findings-imports': findingsImports,
  '20261122144443-sign-in-throttle': signInThrottle,
  '20261122160000-assessments-revision': assessmentsRevision,
  '20261122161000-rescope': rescope,
  '20261122161500-invitation-mail': invitationMail,
  '20261122162000-import-jobs': importJobs,
  '20261122163000-assessment-assignee': assessmentAssignee,
  '20261122171000-maintenance-tasks': maintenanceTasks,
  '20261122190000-findings-references-per-statement': findingsReferencesPerStatement,
  '20261122180000-change-notifications': changeNotifications,
};
