import type { ParseArgsConfig } from 'node:util';

/** Where a command writes: injected so tests can run commands in-process and read what they print. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
  readonly cwd: string;
  /** Columns of stderr when it is a terminal (progress bars are drawn there), undefined otherwise. */
  readonly stderrColumns?: number | undefined;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  readonly io: Io;
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: readonly string[];
}

/** One `mica-audit` command. The registry in registry.ts is the only list of commands. */
export interface Command {
  /** Words after `mica-audit`, e.g. `catalog validate`. */
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly examples: readonly string[];
  readonly options: OptionSpec;
  /** Lines describing each option for --help. */
  readonly optionHelp: readonly string[];
  readonly positionals?: { readonly min: number; readonly max: number };
  /** Returns the exit code. */
  run(context: CommandContext): Promise<number>;
}

/** Exit codes by error kind (only the CLI maps errors to exit codes). */
export const EXIT = {
  ok: 0,
  problems: 1,
  usage: 2,
  invalid: 3,
  notFound: 4,
  conflict: 5,
  internal: 70,
} as const;
