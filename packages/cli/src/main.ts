import { parseArgs } from 'node:util';
import { isDomainError, type ErrorKind } from '@mica-audit/core';
import { EXIT, type Command, type Io } from './command.ts';
import { COMMANDS } from './registry.ts';

function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | undefined {
  const matches = COMMANDS.filter((c) => {
    const words = c.name.split(' ');
    return words.every((word, i) => argv[i] === word);
  }).sort((a, b) => b.name.length - a.name.length);
  const command = matches[0];
  return command === undefined ? undefined : { command, rest: argv.slice(command.name.split(' ').length) };
}

/** The full --help text, built from the registry. */
export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'mica-audit — MiCA compliance audits: scoping, catalogue, assessment and reports',
    '',
    'Usage: mica-audit <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `mica-audit <command> --help` for the options and examples of a command.',
    '',
  ].join('\n');
}

/** The --help text of one command. */
export function commandHelp(command: Command): string {
  return [
    `${command.summary}.`,
    '',
    `Usage: ${command.usage}`,
    '',
    'Options:',
    ...command.optionHelp.map((line) => `  ${line}`),
    '  --help         show this help',
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

const EXIT_BY_KIND: Record<ErrorKind, number> = {
  invalid: EXIT.invalid,
  not_found: EXIT.notFound,
  conflict: EXIT.conflict,
  forbidden: EXIT.invalid,
  unauthenticated: EXIT.invalid,
  internal: EXIT.internal,
};

/** Runs the CLI with the given arguments; returns the exit code and never throws. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(helpText());
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const found = findCommand(argv);
  if (found === undefined) {
    io.stderr(`mica-audit: unknown command "${argv.join(' ')}"; run \`mica-audit --help\` for the list\n`);
    return EXIT.usage;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    const limits = command.positionals ?? { min: 0, max: 0 };
    if (positionals.length < limits.min || positionals.length > limits.max) {
      io.stderr(`mica-audit ${command.name}: wrong number of arguments\nUsage: ${command.usage}\n`);
      return EXIT.usage;
    }
    return await command.run({ io, values, positionals });
  } catch (error) {
    if (isDomainError(error)) {
      io.stderr(`mica-audit ${command.name}: ${error.message}\n`);
      return error.code === 'cli.usage' ? EXIT.usage : EXIT_BY_KIND[error.kind];
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`mica-audit ${command.name}: ${error.message}\nUsage: ${command.usage}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(
      `mica-audit ${command.name}: internal error: ${message}\nSet MICA_AUDIT_DEBUG=1 for details.\n`,
    );
    if (process.env.MICA_AUDIT_DEBUG === '1' && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
    return EXIT.internal;
  }
}
