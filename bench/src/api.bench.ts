// API latency and throughput on the scaled demo engagement (474 applicable requirements, 5,000 findings, 200
// evidence files; server/src/demo/scale.ts), on PGlite and on a throwaway PostgreSQL database, beside a bare Fastify
// JSON route measured in the same run. Server and bare route each run in a child process; autocannon drives them
// from this one over loopback, 50 connections, signed in with the session cookie the web app uses.
// Targets (issue 5): the engagement overview (GET …/engagements/:id) and the assessment list, p99 < 25 ms and at
// least 30% of the bare route's requests/s. The list is measured as the API serves it by default (page of 50) and as
// the workspace loads it (pageSize 500, 220 kB), beside the bare route sending that page's own bytes: the transfer
// alone, the most any server can do on that page (itself under 30% of the bare JSON route). Also measured: the other
// calls of the workspace and dashboard load (scoping, evidence list). The server answers these hot reads from memory
// between writes, after a read barrier on its change feed (packages/server/src/db/change-feed.ts); the load here is
// read-only, so after the first answer of each URL this is the remembered path (`npm run soak` mixes in writes).
// "CPU ms/req" is the process under test's CPU time per answer, steadier than latency on a busy machine.
//   MICA_BENCH_SECONDS (default 10) per measurement
//   MICA_BENCH_CPU_PROF=DIR writes a CPU profile of each child (node --cpu-prof)
//   MICA_BENCH_DATABASES=pglite,postgres (default both) chooses the databases; MICA_BENCH_ONLY=WORD the targets
//   whose name contains WORD (the bare route is always measured)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadValidCatalogue } from '@mica-audit/catalog';
import { LocalEvidenceStore, openDatabase, pgliteDirOf, seedScaledDemo } from '@mica-audit/server';
import { withThrowawayPostgres } from './databases.ts';
import { load, startTarget, type LoadResult, type Target } from './load.ts';
import { fmt } from './stats.ts';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.MICA_BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 3;
const P99_TARGET_MS = 25;
const RATIO_TARGET = 0.3;
const DATABASES = (process.env.MICA_BENCH_DATABASES ?? 'pglite,postgres').split(',');

interface Row {
  readonly name: string;
  readonly result: LoadResult;
  /** CPU time of the process under test per answered request (less sensitive to a busy machine than latency). */
  readonly cpuPerRequest: number;
  /** The bare route's req/s this row is compared with; undefined for the bare route itself. */
  readonly bare?: number;
}

async function measure(
  name: string,
  target: Target,
  url: string,
  headers: Record<string, string>,
  bare?: number,
): Promise<Row> {
  await load(url, { connections: CONNECTIONS, seconds: WARM_UP_SECONDS, headers });
  const cpuBefore = await target.cpuMs();
  const result = await load(url, { connections: CONNECTIONS, seconds: SECONDS, headers });
  const cpuPerRequest = ((await target.cpuMs()) - cpuBefore) / Math.max(1, result.requests);
  const row = { name, result, cpuPerRequest, ...(bare === undefined ? {} : { bare }) };
  printRow(row);
  return row;
}

async function signIn(port: number, user: { email: string; password: string }): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';', 1)[0] ?? '')
    .find((c) => c.startsWith('mica.session_token='));
  if (!response.ok || cookie === undefined) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

/**
 * Fetches once and checks the answer is the scaled engagement's, so a fast 404 is never measured as success;
 * returns the JSON text.
 */
async function check(url: string, headers: Record<string, string>, ok: (body: unknown) => boolean) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (response.status !== 200 || !ok(JSON.parse(text)))
    throw new Error(`${url}: unexpected answer ${response.status} ${text.slice(0, 300)}`);
  return text;
}

/** Seeds the scaled demo (closed again before the server opens it: PGlite has a single owner). */
async function seed(dataDir: string, databaseUrl: string) {
  const database = await openDatabase({ databaseUrl, pgliteDir: pgliteDirOf(dataDir) });
  try {
    const started = performance.now();
    const store = new LocalEvidenceStore(join(dataDir, 'evidence'));
    const demo = await seedScaledDemo(database.db, store, await loadValidCatalogue());
    console.log(
      `  seeded in ${fmt((performance.now() - started) / 1000)} s (${demo.assessments} assessments)`,
    );
    return demo;
  } finally {
    await database.close();
  }
}

async function measureServer(
  label: string,
  dataDir: string,
  databaseUrl: string,
  bare: Target,
): Promise<Row[]> {
  console.log(`${label}:`);
  const demo = await seed(dataDir, databaseUrl);
  const server = await startTarget(['server', dataDir, ...(databaseUrl === '' ? [] : [databaseUrl])]);
  try {
    const headers = { cookie: await signIn(server.port, demo.user) };
    const base = `http://127.0.0.1:${server.port}/api/organisations/${demo.organisationId}`;
    const engagement = `${base}/engagements/${demo.engagementId}`;
    const targets = [
      {
        name: 'engagement overview',
        url: engagement,
        ok: (b: unknown) => (b as { id?: string }).id === demo.engagementId,
      },
      {
        name: 'scoping (workspace)',
        url: `${engagement}/scoping?lang=en`,
        ok: (b: unknown) => ((b as { requirements?: unknown[] }).requirements?.length ?? 0) > 0,
      },
      {
        name: 'evidence list (workspace)',
        url: `${base}/evidence?engagementId=${demo.engagementId}`,
        ok: (b: unknown) => Array.isArray(b) && b.length === 200,
      },
      {
        name: 'assessment list (page 1 of 500)',
        url: `${engagement}/assessments?page=1&pageSize=500`,
        ok: (b: unknown) => (b as { items?: unknown[] }).items?.length === demo.assessments,
        // The transfer alone: the bare route sending the same bytes, the most any server could do here.
        sameBody: true,
      },
      {
        name: 'assessment list (API default, 50)',
        url: `${engagement}/assessments`,
        ok: (b: unknown) => (b as { items?: unknown[] }).items?.length === 50,
      },
    ];
    const bareRow = await measure(
      `${label}: bare Fastify route`,
      bare,
      `http://127.0.0.1:${bare.port}/bare`,
      {},
    );
    const rows: Row[] = [bareRow];
    const chosen = targets.filter((x) => x.name.includes(process.env.MICA_BENCH_ONLY ?? ''));
    // Every route once before any is measured: a fresh process compiles and fills its caches on its first requests,
    // which would otherwise count against whichever target comes first.
    for (const t of chosen)
      await load(t.url, { connections: CONNECTIONS, seconds: WARM_UP_SECONDS, headers });
    for (const t of chosen) {
      const body = await check(t.url, headers, t.ok);
      rows.push(await measure(`${label}: ${t.name}`, server, t.url, headers, bareRow.result.rps));
      if ('sameBody' in t) {
        await bare.serve(body);
        const name = `${label}: bare route, same ${Math.round(Buffer.byteLength(body) / 1024)} kB`;
        rows.push(
          await measure(name, bare, `http://127.0.0.1:${bare.port}/bare-body`, {}, bareRow.result.rps),
        );
      }
    }
    return rows;
  } finally {
    await server.stop();
  }
}

const HEADER = `${'target'.padEnd(48)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'req/s'.padStart(8)} ${'× bare'.padStart(7)} ${'CPU ms/req'.padStart(10)}  target`;

function printRow(row: Row): void {
  const { name, result, bare, cpuPerRequest } = row;
  const ratio = bare === undefined ? undefined : result.rps / bare;
  const verdict =
    ratio === undefined
      ? ''
      : result.p99 < P99_TARGET_MS && ratio >= RATIO_TARGET && result.failures === 0
        ? 'met'
        : `MISSED${result.failures > 0 ? ` (${result.failures} failed requests)` : ''}`;
  console.log(
    `${name.padEnd(48)} ${fmt(result.p50, 2).padStart(8)} ${fmt(result.p99, 2).padStart(8)} ${fmt(result.rps, 0).padStart(8)} ${(ratio === undefined ? '1.00' : fmt(ratio, 2)).padStart(7)} ${fmt(cpuPerRequest, 3).padStart(10)}  ${verdict}`,
  );
}

export default async function (): Promise<void> {
  console.log(
    `${CONNECTIONS} connections on loopback; each route warmed up ${WARM_UP_SECONDS} s, then each warmed up again ${WARM_UP_SECONDS} s and measured ${SECONDS} s`,
  );
  console.log(HEADER);
  const bare = await startTarget(['bare']);
  const rows: Row[] = [];
  try {
    if (DATABASES.includes('pglite')) {
      const liteDir = await mkdtemp(join(tmpdir(), 'mica-api-bench-pglite-'));
      try {
        rows.push(...(await measureServer('PGlite', liteDir, '', bare)));
      } finally {
        await rm(liteDir, { recursive: true, force: true });
      }
    }
    if (DATABASES.includes('postgres')) {
      const pgDir = await mkdtemp(join(tmpdir(), 'mica-api-bench-pg-'));
      try {
        rows.push(
          ...((await withThrowawayPostgres((url) => measureServer('PostgreSQL', pgDir, url, bare))) ?? []),
        );
      } finally {
        await rm(pgDir, { recursive: true, force: true });
      }
    }
  } finally {
    await bare.stop();
  }
  console.log(`\n${HEADER}`);
  for (const row of rows) printRow(row);
  console.log(`targets: p99 < ${P99_TARGET_MS} ms and ≥ ${RATIO_TARGET * 100}% of the bare route's req/s`);
}
