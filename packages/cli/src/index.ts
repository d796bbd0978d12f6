export { main, helpText, commandHelp } from './main.ts';
export { COMMANDS } from './registry.ts';
export type { Command, Io } from './command.ts';
