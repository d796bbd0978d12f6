import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createApiToken } from '../auth/tokens.ts';
import { seedDemo } from '../demo/seed.ts';
import { openWorkspace } from '../server.ts';
import { catalogue } from '../test/harness.ts';

/** The CLI entry point: fault tests run the real `mica-audit serve`, in a process of its own that they may kill. */
const CLI_MAIN = fileURLToPath(new URL('../../../cli/src/bin.ts', import.meta.url));

export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr), for assertion messages. */
  output(): string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** SIGKILL: no shutdown hook runs, as in a power cut or an OOM kill. */
  kill9(): Promise<void>;
  /** SIGTERM and wait (a normal stop). */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly dataDir: string;
  readonly databaseUrl: string;
  readonly env?: Readonly<Record<string, string>>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `mica-audit serve` on a free port and resolves once it listens. */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [CLI_MAIN, 'serve', '--port', '0', '--data-dir', options.dataDir, '--database-url', options.databaseUrl],
    {
      env: { ...process.env, MICA_AUDIT_SECRET: 'fault-tests-secret-0123456789abcdef', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mica-audit serve did not start within 45 s:\n${output}`));
    }, 45_000);
    const onData = (): void => {
      const match = /serving on (http:\/\/[^\s]+?) \(/.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`mica-audit serve exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill9() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

/** Runs a `mica-audit` command to completion: its exit code and output. */
export function runCli(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI_MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/** `mica-audit audit-log verify --json` on the database: whether the hash chain is intact, with the CLI's words. */
export async function verifyAuditLogCli(databaseUrl: string): Promise<{ ok: boolean; output: string }> {
  const result = await runCli(['audit-log', 'verify', '--database-url', databaseUrl, '--json']);
  return { ok: result.code === 0, output: `${result.stdout}${result.stderr}` };
}

export interface SeededWorkspace {
  readonly organisationId: string;
  readonly engagementId: string;
  /** A bearer token of the demo's lead auditor (an administrator of the organisation). */
  readonly token: string;
}

/** Migrates the database and seeds the demo engagement in this process, before any server process starts. */
export async function seedWorkspace(dataDir: string, databaseUrl: string): Promise<SeededWorkspace> {
  const workspace = await openWorkspace({ dataDir, databaseUrl, catalogue: await catalogue() });
  try {
    const { store } = workspace.services;
    const demo = await seedDemo(workspace.database.db, store, await catalogue());
    const user = await workspace.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demo.user.email)
      .executeTakeFirstOrThrow();
    const { token } = await createApiToken(workspace.database.db, user.id, 'fault tests');
    return { organisationId: demo.organisationId, engagementId: demo.engagementId, token };
  } finally {
    await workspace.close();
  }
}

/** A throwaway database on the given PostgreSQL server (the shared test server by default), dropped afterwards. */
export async function throwawayDatabase(
  adminUrl = process.env.MICA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `mica_fault_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string): Promise<void> => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** A JSON request with the bearer token; network failures reject (a dead server is not a status). */
export async function call(
  server: { readonly url: string },
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<HttpResult> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (an attachment): keep the text.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}
