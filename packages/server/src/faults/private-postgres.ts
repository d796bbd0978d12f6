import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest installed PostgreSQL's bin folder (Debian layout), or undefined when there is none. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter(
      (name) =>
        existsSync(join(root, name, 'bin', 'pg_ctl')) && existsSync(join(root, name, 'bin', 'initdb')),
    )
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly adminUrl: string;
  readonly port: number;
  /** `pg_ctl restart -m <mode>`, waiting until it accepts connections again. */
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** The server log, for assertion messages. */
  log(): Promise<string>;
  /** Stops the cluster and deletes its folder. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL cluster of its own (initdb into a temporary folder, on a free port), so a test may restart or stop
 * it without disturbing the shared test server. PostgreSQL refuses to run as root: as root the cluster belongs to
 * the `postgres` OS user and its tools run through `runuser`.
 */
export async function startPrivatePostgres(binDir: string): Promise<PrivatePostgres> {
  const root = await mkdtemp(join(tmpdir(), 'mica-private-pg-'));
  const data = join(root, 'data');
  const logFile = join(root, 'postgres.log');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    await chown(root, uid, gid);
  }
  const tool = (name: string, args: readonly string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(binDir, name), ...args], { timeout: 60_000 })
      : run(join(binDir, name), [...args], { timeout: 60_000 });
  const port = await freePort();
  await tool('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const start = async (): Promise<void> => {
    await tool('pg_ctl', ['-D', data, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
  };
  await start();
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async restart(mode) {
      await tool('pg_ctl', [
        '-D',
        data,
        '-l',
        logFile,
        '-o',
        serverOptions,
        '-m',
        mode,
        '-w',
        '-t',
        '60',
        'restart',
      ]);
    },
    async stop(mode) {
      await tool('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
    },
    start,
    log: () => readFile(logFile, 'utf8').catch(() => ''),
    async destroy() {
      await tool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
