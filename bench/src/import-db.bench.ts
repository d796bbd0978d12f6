// End-to-end import of a ~300,000-result SARIF log into an engagement, on PGlite and on a throwaway PostgreSQL
// database, beside the parse alone (importFile + mapping) in the same run. Storing goes through the server's own
// command in one transaction (imports row, assets, findings, audit entries): the first import finds the engagement
// empty and writes the findings straight into `findings` (COPY on PostgreSQL, JSON batches on PGlite); the same file
// again into the same engagement (every finding seen again: the update path) goes through staging tables and the
// set-based merge. Last, the three ways PGlite can fill a staging table, timed on the same rows.
// Wall-clock figures depend on what else the machine runs; CPU seconds (this process, and PostgreSQL's backends of
// the bench database) are printed beside them because they hardly do.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import type pg from 'pg';
import { importFile, type Finding } from '@mica-audit/importers';
import { importFiles, mappingRules, openDatabase, type DatabaseHandle } from '@mica-audit/server';
import { jsonWriter, type Cell } from '../../packages/server/src/commands/imports-bulk.ts';
import { detailOf } from '../../packages/server/src/commands/imports-rows.ts';
import { seedBenchEngagement, withPostgresDatabase, type ThrowawayServer } from './databases.ts';

const RESULTS = 300_000;
const WRITER_ROWS = 50_000;

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

/** The minimum an import needs. */
const seed = (database: DatabaseHandle) =>
  seedBenchEngagement(database, { phase: 'scoping', staffed: false });

const cpuNow = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};

/** CPU seconds of each PostgreSQL backend serving `database` (Linux /proc; empty elsewhere). */
async function backendCpu(admin: pg.Client, database: string): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // Not on Linux, or the backend ended: its time is not counted.
    }
  }
  return out;
}

interface Run {
  readonly seconds: number;
  readonly cpu: number;
  readonly serverCpu?: number;
  readonly findings: number;
  readonly counts: string;
  readonly stored: number;
}

type Target = Awaited<ReturnType<typeof seed>>;

async function importInto(
  database: DatabaseHandle,
  target: Target,
  file: { path: string; sha256: string; size: number },
  server?: ThrowawayServer,
): Promise<Run> {
  const cpuBefore = server === undefined ? undefined : await backendCpu(server.admin, server.name);
  const cpu0 = cpuNow();
  const started = performance.now();
  const [summary] = await importFiles(database.db, target.actor, {
    organisationId: target.organisationId,
    engagementId: target.engagementId,
    files: [{ ...file, fileName: 'bench.sarif' }],
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuNow() - cpu0;
  let serverCpu: number | undefined;
  if (server !== undefined && cpuBefore !== undefined) {
    const after = await backendCpu(server.admin, server.name);
    serverCpu = [...after].reduce((sum, [pid, s]) => sum + s - (cpuBefore.get(pid) ?? 0), 0);
  }
  const stored = await database.db
    .selectFrom('findings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('engagement_id', '=', target.engagementId)
    .executeTakeFirstOrThrow();
  return {
    seconds,
    cpu,
    ...(serverCpu === undefined ? {} : { serverCpu }),
    findings: summary?.findings ?? 0,
    counts: `${summary?.new ?? 0} new, ${summary?.updated ?? 0} seen again`,
    stored: Number(stored.n),
  };
}

const STAGING = `(fingerprint text collate "C" not null, source text not null, rule_id text not null,
  title text not null, severity text not null, cvss real, status text not null, audit_type text,
  asset_key text not null, req integer not null, detail jsonb not null)`;
const COLUMNS = [
  'fingerprint',
  'source',
  'rule_id',
  'title',
  'severity',
  'cvss',
  'status',
  'audit_type',
  'asset_key',
  'req',
  'detail',
];

function stagingRows(findings: readonly Finding[]): Cell[][] {
  return findings.map((f) => [
    f.fingerprint,
    f.tool,
    f.ruleId,
    f.title,
    f.severity,
    f.cvss?.score ?? null,
    f.status,
    f.auditType,
    f.asset,
    0,
    detailOf(f),
  ]);
}

const copyText = (v: Cell): string =>
  v === null
    ? '\\N'
    : typeof v === 'number'
      ? String(v)
      : v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c);

/** Seconds to fill a staging table with `rows` on PGlite: COPY from /dev/blob, multi-row INSERT, JSON batches. */
async function pgliteWriters(rows: readonly Cell[][]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const raw = new PGlite('memory://');
  try {
    let t = performance.now();
    await raw.transaction(async (tx) => {
      await tx.query(`create temp table s ${STAGING} on commit drop`);
      for (let i = 0; i < rows.length; i += 10_000) {
        const text = `${rows
          .slice(i, i + 10_000)
          .map((r) => r.map(copyText).join('\t'))
          .join('\n')}\n`;
        await tx.query(`copy s (${COLUMNS.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([text]) });
      }
    });
    out['COPY from /dev/blob'] = (performance.now() - t) / 1000;
    t = performance.now();
    await raw.transaction(async (tx) => {
      await tx.query(`create temp table s2 ${STAGING} on commit drop`);
      const per = Math.floor(60_000 / COLUMNS.length);
      for (let i = 0; i < rows.length; i += per) {
        const batch = rows.slice(i, i + per);
        const params = batch.flat();
        const values = batch
          .map((_, r) => `(${COLUMNS.map((_c, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`)
          .join(', ');
        await tx.query(`insert into s2 (${COLUMNS.join(', ')}) values ${values}`, params);
      }
    });
    out['multi-row INSERT'] = (performance.now() - t) / 1000;
  } finally {
    await raw.close();
  }
  const lite = await openDatabase({ pgliteDir: 'memory://' });
  try {
    const t = performance.now();
    await lite.db.transaction().execute(async (tx) => {
      await sql.raw(`create temp table s3 ${STAGING} on commit drop`).execute(tx);
      await jsonWriter(tx).write('s3', COLUMNS, rows, { json: ['detail'] });
    });
    out['JSON batches (the importer)'] = (performance.now() - t) / 1000;
  } finally {
    await lite.close();
  }
  return out;
}

const f1 = (n: number) => n.toFixed(1);
const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');

export default async function (): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mica-import-db-bench-'));
  try {
    const path = join(dir, 'bench.sarif');
    await writeStreamed(path, sarifParts());
    const { size } = await stat(path);
    const file = { path, size, sha256: await sha256Of(path) };
    console.log(`SARIF: ${f1(size / 1024 / 1024)} MB, ${RESULTS.toLocaleString('en')} results`);
    const rules = await mappingRules();
    const cpu0 = cpuNow();
    const t0 = performance.now();
    const parsed = await importFile(path, { mappingRules: rules });
    const parseS = (performance.now() - t0) / 1000;
    const parseCpu = cpuNow() - cpu0;
    console.log(
      'case                                             time (s)   findings/s   CPU s: node / PostgreSQL',
    );
    const row = (name: string, s: number, n: number, cpu: number, server?: number) =>
      console.log(
        `${name.padEnd(48)} ${f1(s).padStart(8)} ${rate(n, s).padStart(12)}   ${f1(cpu).padStart(10)}${server === undefined ? '' : ` / ${f1(server)}`}`,
      );
    row(
      `baseline: parse + map only (${parsed.findings.length} findings)`,
      parseS,
      parsed.findings.length,
      parseCpu,
    );
    const lite = await openDatabase({ pgliteDir: 'memory://' });
    try {
      const target = await seed(lite);
      const first = await importInto(lite, target, file);
      row(`PGlite: parse + store (${first.stored} stored)`, first.seconds, first.findings, first.cpu);
      const again = await importInto(lite, target, file);
      row(`PGlite: same file again (${again.counts})`, again.seconds, again.findings, again.cpu);
      console.log(
        `  (storing alone ≈ ${f1(first.seconds - parseS)} s, ${rate(first.findings, first.seconds - parseS)} findings/s; end to end ${(parseS / first.seconds).toFixed(2)} of the parse-only rate)`,
      );
    } finally {
      await lite.close();
    }
    await withPostgresDatabase(async (database, server) => {
      const target = await seed(database);
      const first = await importInto(database, target, file, server);
      row(
        `PostgreSQL: parse + store (${first.stored} stored)`,
        first.seconds,
        first.findings,
        first.cpu,
        first.serverCpu,
      );
      const again = await importInto(database, target, file, server);
      row(
        `PostgreSQL: same file again (${again.counts})`,
        again.seconds,
        again.findings,
        again.cpu,
        again.serverCpu,
      );
      console.log(
        `  (storing alone ≈ ${f1(first.seconds - parseS)} s, ${rate(first.findings, first.seconds - parseS)} findings/s; end to end ${(parseS / first.seconds).toFixed(2)} of the parse-only rate; target ≥ 50,000 findings/s end to end)`,
      );
    });
    const writers = await pgliteWriters(stagingRows(parsed.findings.slice(0, WRITER_ROWS)));
    console.log(
      `PGlite staging table, ${WRITER_ROWS.toLocaleString('en')} rows (the importer uses the fastest):`,
    );
    for (const [name, seconds] of Object.entries(writers).sort((a, b) => a[1] - b[1]))
      console.log(
        `  ${name.padEnd(30)} ${f1(seconds).padStart(6)} s  ${rate(WRITER_ROWS, seconds).padStart(9)} rows/s`,
      );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
