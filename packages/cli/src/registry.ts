import type { Command } from './command.ts';
import { capitalCommand } from './commands/capital.ts';
import { importCommand } from './commands/import.ts';
import { incidentDeadlinesCommand } from './commands/incident-deadlines.ts';
import { catalogExportCommand } from './commands/catalog-export.ts';
import { catalogImportCommand } from './commands/catalog-import.ts';
import { catalogListCommand } from './commands/catalog-list.ts';
import { catalogShowCommand } from './commands/catalog-show.ts';
import { catalogStatsCommand } from './commands/catalog-stats.ts';
import { catalogValidateCommand } from './commands/catalog-validate.ts';
import { reportDemoCommand } from './commands/report-demo.ts';
import { reportVerifyCommand } from './commands/report-verify.ts';
import { scopeCommand } from './commands/scope.ts';
import { serveCommand } from './commands/serve.ts';
import { demoCommand } from './commands/demo.ts';
import { auditLogVerifyCommand } from './commands/audit-log-verify.ts';
import { reportCommand } from './commands/report.ts';
import { backupCommand } from './commands/backup.ts';
import { restoreCommand } from './commands/restore.ts';
import { evidenceGcCommand } from './commands/evidence-gc.ts';

/** Every `mica-audit` command, in the order --help lists them. */
export const COMMANDS: readonly Command[] = [
  scopeCommand,
  catalogValidateCommand,
  catalogListCommand,
  catalogShowCommand,
  catalogStatsCommand,
  catalogImportCommand,
  catalogExportCommand,
  importCommand,
  capitalCommand,
  incidentDeadlinesCommand,
  reportVerifyCommand,
  reportDemoCommand,
  serveCommand,
  demoCommand,
  auditLogVerifyCommand,
  backupCommand,
  restoreCommand,
  evidenceGcCommand,
  reportCommand,
];
