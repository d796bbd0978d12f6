import { resolve } from 'node:path';
import { DomainError } from '@mica-audit/core';
import type { Io } from '../command.ts';

/** The options serve, demo and audit-log verify share: where the workspace lives. */
export const WORKSPACE_OPTIONS = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const;

export const WORKSPACE_OPTION_HELP = [
  '--data-dir DIR        evidence files and the embedded database (default: $XDG_DATA_HOME/mica-audit or ~/.local/share/mica-audit)',
  '--database-url URL    PostgreSQL instead of the embedded database (default: $DATABASE_URL)',
] as const;

/** Invitation e-mail over SMTP (serve); each option defaults to its environment variable. */
export const MAIL_OPTIONS = {
  'smtp-url': { type: 'string' },
  'mail-from': { type: 'string' },
  'public-url': { type: 'string' },
} as const;

export const MAIL_OPTION_HELP = [
  '--smtp-url URL       SMTP server for invitation e-mail: smtp://user:password@host:587 (STARTTLS) or smtps://…:465',
  '                     (default: $MICA_AUDIT_SMTP_URL; prefer the variable, a flag shows in the process list).',
  '                     Without it, creating an invitation answers its accept link to the inviter instead',
  '--mail-from ADDRESS  sender of invitation e-mail, e.g. "mica-audit <audit@example.com>" (default: $MICA_AUDIT_MAIL_FROM)',
  '--public-url URL     address people open the web app at, base of the accept links, e.g. https://audit.example.com',
  '                     (default: $MICA_AUDIT_PUBLIC_URL; required with SMTP)',
] as const;

/** The mail options given on the command line (the server falls back to the environment for the others). */
export function mailOptions(values: Record<string, unknown>): {
  smtpUrl: string | undefined;
  from: string | undefined;
  publicUrl: string | undefined;
} {
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  return { smtpUrl: text('smtp-url'), from: text('mail-from'), publicUrl: text('public-url') };
}

/** The data directory and database URL from the options, resolved against the working directory. */
export function workspaceLocation(
  io: Io,
  values: Record<string, unknown>,
): { dataDir: string | undefined; databaseUrl: string | undefined } {
  const dataDir = values['data-dir'];
  const databaseUrl = values['database-url'];
  return {
    dataDir: typeof dataDir === 'string' ? resolve(io.cwd, dataDir) : undefined,
    databaseUrl: typeof databaseUrl === 'string' ? databaseUrl : undefined,
  };
}

/** The --port option, checked. */
export function portOption(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new DomainError(
      'cli.usage',
      `--port must be a number from 0 to 65535, not ${JSON.stringify(value)}`,
    );
  return port;
}

/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM). */
export function untilStopped(): Promise<void> {
  return new Promise((resolveStop) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveStop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
