// End-to-end import of a ~300,000-result SARIF log into an engagement, on PGlite and on a throwaway PostgreSQL
// database, beside the parse alone (importFile + mapping) in the same run. Storing goes through the server's own
// command (parse, reconcile, assets, json_to_recordset batches, imports row, audit entry, one transaction).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { importFile } from '@mica-audit/importers';
import {
  actorOf,
  createUser,
  importFiles,
  mappingRules,
  openDatabase,
  type DatabaseHandle,
} from '@mica-audit/server';

const RESULTS = 300_000;
const ADMIN_URL = process.env.MICA_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function writeStreamed(path: string, parts: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const part of parts)
    if (!out.write(part)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

/** The same shape as importers.bench.ts: 60 rules, every result at its own file and line. */
function* sarifParts(): Generator<string> {
  const rules = Array.from({ length: 60 }, (_, i) => ({
    id: `bench/rule-${i}`,
    shortDescription: { text: `Benchmark rule ${i}: unsafe use of an API that may allow injection` },
    defaultConfiguration: { level: i % 3 === 0 ? 'error' : 'warning' },
    properties: {
      tags: ['security', `external/cwe/cwe-${79 + i}`],
      'security-severity': String((i % 10) + 0.5),
    },
  }));
  yield `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"BenchScanner","version":"1.0.0","rules":${JSON.stringify(rules)}}},"versionControlProvenance":[{"repositoryUri":"https://git.example.com/bench"}],"results":[\n`;
  for (let i = 0; i < RESULTS; i++) {
    const rule = i % 60;
    const line = Math.floor(i / 2000) * 7 + 1;
    const result = {
      ruleId: `bench/rule-${rule}`,
      ruleIndex: rule,
      message: {
        text: `Untrusted data from request parameter "p${i % 97}" flows into a sensitive sink in handler${i}(); validate, encode or parameterise it (occurrence ${i}).`,
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `src/module-${i % 500}/file-${i % 2000}.ts` },
            region: {
              startLine: line,
              startColumn: (i % 80) + 1,
              snippet: {
                text: `const v = request.query["p${i % 97}"]; db.query("SELECT * FROM t WHERE id=" + v);`,
              },
            },
          },
        },
      ],
    };
    yield `${i === 0 ? '' : ',\n'}${JSON.stringify(result)}`;
  }
  yield '\n]}]}\n';
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A user, an organisation where they are admin, an entity and an engagement: the minimum an import needs. */
async function seed(database: DatabaseHandle) {
  const { db } = database;
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
      phase: 'scoping',
      start_date: null,
      end_date: null,
      team: '[]',
    })
    .execute();
  return { actor: await actorOf(db, userId), organisationId, engagementId };
}

interface Run {
  readonly seconds: number;
  readonly findings: number;
  readonly stored: number;
}

async function importInto(
  database: DatabaseHandle,
  path: string,
  sha256: string,
  size: number,
): Promise<Run> {
  const { actor, organisationId, engagementId } = await seed(database);
  const started = performance.now();
  const [summary] = await importFiles(database.db, actor, {
    organisationId,
    engagementId,
    files: [{ path, fileName: 'bench.sarif', sha256, size }],
  });
  const seconds = (performance.now() - started) / 1000;
  const stored = await database.db
    .selectFrom('findings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('engagement_id', '=', engagementId)
    .executeTakeFirstOrThrow();
  return { seconds, findings: summary?.findings ?? 0, stored: Number(stored.n) };
}

async function withPostgres<T>(work: (database: DatabaseHandle) => Promise<T>): Promise<T | undefined> {
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
    const database = await openDatabase({ databaseUrl: url.toString() });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const f1 = (n: number) => n.toFixed(1);
const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');

export default async function (): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mica-import-db-bench-'));
  try {
    const path = join(dir, 'bench.sarif');
    await writeStreamed(path, sarifParts());
    const { size } = await stat(path);
    const sha256 = await sha256Of(path);
    console.log(`SARIF: ${f1(size / 1024 / 1024)} MB, ${RESULTS.toLocaleString('en')} results`);
    const rules = await mappingRules();
    const t0 = performance.now();
    const parsed = await importFile(path, { mappingRules: rules });
    const parseS = (performance.now() - t0) / 1000;
    console.log('case                                         time (s)   findings/s');
    const row = (name: string, s: number, n: number) =>
      console.log(`${name.padEnd(44)} ${f1(s).padStart(8)} ${rate(n, s).padStart(12)}`);
    row(`baseline: parse + map only (${parsed.findings.length} findings)`, parseS, parsed.findings.length);
    const lite = await openDatabase({ pgliteDir: 'memory://' });
    try {
      const run = await importInto(lite, path, sha256, size);
      row(`PGlite: parse + store (${run.stored} stored)`, run.seconds, run.findings);
      console.log(
        `  (storing alone ≈ ${f1(run.seconds - parseS)} s, ${rate(run.findings, run.seconds - parseS)} findings/s)`,
      );
    } finally {
      await lite.close();
    }
    const pgRun = await withPostgres((database) => importInto(database, path, sha256, size));
    if (pgRun !== undefined) {
      row(`PostgreSQL: parse + store (${pgRun.stored} stored)`, pgRun.seconds, pgRun.findings);
      console.log(
        `  (storing alone ≈ ${f1(pgRun.seconds - parseS)} s, ${rate(pgRun.findings, pgRun.seconds - parseS)} findings/s; target ≥ 50,000 findings/s end to end)`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
