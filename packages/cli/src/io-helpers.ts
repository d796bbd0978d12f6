import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parse as parseYamlText } from 'yaml';
import { DomainError, parseProfile, type Lang, type Profile } from '@mica-audit/core';
import type { Io } from './command.ts';

/** Reads a profile from a YAML or JSON file (decided by content, not extension) and validates it. */
export async function readProfileFile(io: Io, path: string): Promise<Profile> {
  const absolute = resolve(io.cwd, path);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (cause) {
    throw new DomainError(
      'profile.unreadable',
      `cannot read profile ${path}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`,
      { kind: 'not_found', cause },
    );
  }
  let value: unknown;
  try {
    value =
      extname(path) === '.json' || text.trimStart().startsWith('{') ? JSON.parse(text) : parseYamlText(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new DomainError('profile.syntax', `cannot parse profile ${path}: ${message}`, { cause });
  }
  try {
    return parseProfile(value);
  } catch (error) {
    if (error instanceof DomainError)
      throw new DomainError(error.code, `${path}: ${error.message}`, {
        path: error.path,
        details: error.details,
      });
    throw error;
  }
}

/** The --lang option, checked. */
export function langOption(value: unknown): Lang {
  if (value === undefined || value === 'en') return 'en';
  if (value === 'fr') return 'fr';
  throw new DomainError('cli.usage', `--lang must be en or fr, not ${JSON.stringify(value)}`);
}

/** Prints a value as pretty JSON followed by a newline. */
export function printJson(io: Io, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** The --catalog option resolved against the working directory; undefined means the bundled catalogue. */
export function catalogDir(io: Io, value: unknown): string | undefined {
  return typeof value === 'string' ? resolve(io.cwd, value) : undefined;
}
