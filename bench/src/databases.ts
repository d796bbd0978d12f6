/** What the database benchmarks share: a throwaway PostgreSQL database, and the smallest engagement to work in. */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Actor } from '@mica-audit/core';
import { actorOf, createUser, openDatabase, type DatabaseHandle } from '@mica-audit/server';

/** Where benchmarks create their databases: MICA_BENCH_POSTGRES_URL, else the local server's `postgres` database. */
export const ADMIN_URL = process.env.MICA_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ThrowawayServer {
  /** A connection to the admin database, for reading the server's own statistics during `work`. */
  readonly admin: pg.Client;
  readonly name: string;
}

/**
 * Runs `work` with the URL of a database created for it and dropped after (WITH FORCE); undefined, with a line that
 * says so, when PostgreSQL does not answer at ADMIN_URL.
 */
export async function withThrowawayPostgres<T>(
  work: (url: string, server: ThrowawayServer) => Promise<T>,
): Promise<T | undefined> {
  const name = `mica_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL not reachable at ${ADMIN_URL}: skipped`);
    return undefined;
  }
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    return await work(url.toString(), { admin, name });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** The same, with the database opened (and migrated) before `work` and closed after it. */
export function withPostgresDatabase<T>(
  work: (database: DatabaseHandle, server: ThrowawayServer) => Promise<T>,
): Promise<T | undefined> {
  return withThrowawayPostgres(async (url, server) => {
    const database = await openDatabase({ databaseUrl: url });
    try {
      return await work(database, server);
    } finally {
      await database.close();
    }
  });
}

export interface BenchEngagement {
  readonly actor: Actor;
  readonly organisationId: string;
  readonly engagementId: string;
  readonly userId: string;
}

/**
 * A user, an organisation where they are admin, an entity and an engagement in `phase`, staffed with the user or
 * not: the minimum a command needs.
 */
export async function seedBenchEngagement(
  { db }: DatabaseHandle,
  options: { readonly phase: string; readonly staffed: boolean },
): Promise<BenchEngagement> {
  const userId = await createUser(db, { email: `bench-${randomUUID()}@bench.test`, name: 'Bench' });
  const organisationId = randomUUID();
  const entityId = randomUUID();
  const engagementId = randomUUID();
  await db.insertInto('organisations').values({ id: organisationId, name: 'Bench' }).execute();
  await db
    .insertInto('memberships')
    .values({ organisation_id: organisationId, user_id: userId, role: 'admin' })
    .execute();
  await db
    .insertInto('entities')
    .values({ id: entityId, organisation_id: organisationId, name: 'Bench SAS' })
    .execute();
  await db
    .insertInto('engagements')
    .values({
      id: engagementId,
      organisation_id: organisationId,
      entity_id: entityId,
      name: 'Bench audit',
      profile: '{}',
      catalogue: '[]',
      phase: options.phase,
      start_date: null,
      end_date: null,
      team: JSON.stringify(options.staffed ? [userId] : []),
    })
    .execute();
  return { actor: await actorOf(db, userId), organisationId, engagementId, userId };
}
