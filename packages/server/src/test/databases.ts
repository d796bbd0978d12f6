import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/connect.ts';

export type DatabaseKind = 'pglite' | 'postgres';
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

const ADMIN_URL = process.env.MICA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, host);
  });
}

const url = new URL(ADMIN_URL);
/** Whether PostgreSQL listens (decided once, at import, so `describe.skipIf` can use it). */
export const postgresAvailable = await reachable(url.hostname, Number(url.port || 5432));

/** A fresh database of the given kind: in-memory PGlite, or a throwaway `mica_test_<random>` PostgreSQL database. */
export async function freshDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'pglite') return openDatabase({ pgliteDir: 'memory://' });
  const name = `mica_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const testUrl = new URL(ADMIN_URL);
  testUrl.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: testUrl.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: ADMIN_URL });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** The kinds to run: PostgreSQL only when it is reachable, so the suite skips it cleanly elsewhere. */
export function skipKind(kind: DatabaseKind): boolean {
  return kind === 'postgres' && !postgresAvailable;
}
