import type { Command } from './command.ts';
import { catalogListCommand } from './commands/catalog-list.ts';
import { catalogShowCommand } from './commands/catalog-show.ts';
import { catalogStatsCommand } from './commands/catalog-stats.ts';
import { catalogValidateCommand } from './commands/catalog-validate.ts';
import { scopeCommand } from './commands/scope.ts';

/** Every `mica-audit` command, in the order --help lists them. */
export const COMMANDS: readonly Command[] = [
  scopeCommand,
  catalogValidateCommand,
  catalogListCommand,
  catalogShowCommand,
  catalogStatsCommand,
];
