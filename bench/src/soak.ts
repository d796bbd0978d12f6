// `npm run soak`: a bounded soak test of the real server on PostgreSQL, loopback only, not part of CI.
// A `mica-audit serve` child process on a throwaway database holding the demo engagement gets SOAK_SECONDS (default
// 600) of mixed reads and versioned writes at a steady SOAK_RATE (default 200) requests per second, open loop: each
// request leaves at its scheduled time whether or not earlier ones have answered, and its latency is counted from
// that time, so a stalled server shows up as latency instead of silently lowering the rate.
// Exits 1 when a target is missed: any error (409s from the deliberate version races are counted apart), server
// RSS growth of 10% or more between the end of the warm-up (a fifth of the run, at most 120 s) and the end, or a
// rate more than 5% under the target.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApiToken, openWorkspace, seedDemo } from '@mica-audit/server';
import { fmt, percentile } from './stats.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const RATE = Number(process.env.SOAK_RATE ?? 200);
// Long enough for the bounded read caches (commands/read-cache.ts, 96 MiB in all) to fill at this rate: their filling
// is growth that stops, not a leak. SOAK_WARMUP_SECONDS overrides it; the RSS timeline is printed either way.
const WARM_UP_SECONDS = Number(process.env.SOAK_WARMUP_SECONDS ?? Math.min(120, Math.max(5, SECONDS / 5)));
const ADMIN_URL =
  process.env.SOAK_POSTGRES_URL ??
  process.env.MICA_TEST_POSTGRES_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const CLI = new URL('../../packages/cli/src/bin.ts', import.meta.url).pathname;

// The mix, one slot per request in turn: 14 reads and 6 writes in every 20.
const MIX = [
  'engagement',
  'assessments',
  'assessment-update',
  'findings',
  'scores',
  'comment',
  'assessments',
  'findings',
  'assessment-update',
  'engagement',
  'scores',
  'risk-update',
  'assessments',
  'findings',
  'assessment-update',
  'engagement',
  'scores',
  'comment',
  'assessments',
  'findings',
] as const;
type Kind = (typeof MIX)[number];
const VERSIONED: ReadonlySet<Kind> = new Set(['assessment-update', 'risk-update']);

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** CPU seconds (user + system) a process has used, from /proc (clock ticks of 1/100 s on Linux). */
async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function rssKiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
}

const name = `mica_soak_${randomBytes(6).toString('hex')}`;
const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
const dataDir = await mkdtemp(join(tmpdir(), 'mica-soak-'));
await admin(`CREATE DATABASE ${name}`);

// Seed in this process, then serve from a child: the server's memory is measured alone.
const workspace = await openWorkspace({ dataDir, databaseUrl, logger: false });
const demo = await seedDemo(workspace.database.db, workspace.services.store, workspace.services.catalogue);
const lead = await workspace.database.db
  .selectFrom('users')
  .select('id')
  .where('email', '=', demo.user.email)
  .executeTakeFirstOrThrow();
const { token } = await createApiToken(workspace.database.db, lead.id, 'soak');
await workspace.close();

const child = spawn(
  process.execPath,
  [CLI, 'serve', '--port', '0', '--data-dir', dataDir, '--database-url', databaseUrl],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, MICA_AUDIT_SECRET: randomBytes(24).toString('hex') },
  },
);
try {
  await soak();
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await rm(dataDir, { recursive: true, force: true });
}

async function soak(): Promise<void> {
  const serverUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving on (http:\/\/\S+?) \(/.exec(out);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`mica-audit serve exited with ${code}:\n${out}`)));
  });
  if (!serverUrl.startsWith('http://127.0.0.1:')) throw new Error(`not loopback: ${serverUrl}`);
  const pid = child.pid ?? 0;

  const org = `/api/organisations/${demo.organisationId}`;
  const engagement = `${org}/engagements/${demo.engagementId}`;
  async function request(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${serverUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    return { status: response.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
  }

  interface Versioned {
    id: string;
    version: number;
  }
  const itemsOf = (json: unknown): Versioned[] =>
    (Array.isArray(json) ? json : ((json as { items?: Versioned[] }).items ?? [])) as Versioned[];
  // A small pool of rows, so concurrent writers sometimes edit the same version: those 409s are the races on purpose.
  const assessments = itemsOf((await request('GET', `${engagement}/assessments?pageSize=30`)).json);
  const risks = itemsOf((await request('GET', `${engagement}/risks?pageSize=20`)).json);
  if (assessments.length === 0 || risks.length === 0)
    throw new Error('the demo engagement has no assessments or risks');

  const send: Record<Kind, (i: number) => Promise<{ status: number; json: unknown }>> = {
    engagement: () => request('GET', engagement),
    assessments: (i) => request('GET', `${engagement}/assessments?pageSize=50&page=${1 + (i % 4)}`),
    findings: (i) => request('GET', `${engagement}/findings?pageSize=50&page=${1 + (i % 3)}`),
    scores: () => request('GET', `${engagement}/scores`),
    'assessment-update': (i) => {
      const row = assessments[i % assessments.length] as Versioned;
      return request('PATCH', `${engagement}/assessments/${row.id}`, {
        version: row.version,
        observation: `Soak observation ${i}: reviewed the procedure and its evidence.`,
      });
    },
    'risk-update': (i) => {
      const row = risks[i % risks.length] as Versioned;
      return request('PATCH', `${engagement}/risks/${row.id}`, {
        version: row.version,
        threat: `Soak threat ${i}`,
      });
    },
    comment: (i) =>
      request('POST', `${org}/comments/engagement/${demo.engagementId}`, { body: `Soak comment ${i}` }),
  };
  // A write's answer (or a 409's current state) carries the version to send next time.
  function remember(kind: Kind, i: number, json: unknown): void {
    const pool = kind === 'assessment-update' ? assessments : kind === 'risk-update' ? risks : undefined;
    const row = pool?.[i % pool.length];
    const body = json as { version?: number; error?: { current?: { version?: number } } } | null;
    const version = body?.version ?? body?.error?.current?.version;
    if (row !== undefined && typeof version === 'number' && version > row.version) row.version = version;
  }

  const latencies = new Map<Kind, number[]>();
  const errors: string[] = [];
  let races = 0;
  let sent = 0;
  let inFlight = 0;
  const rss: { at: number; kib: number }[] = [];
  const serverCpuAtStart = await cpuSeconds(pid);
  const clientCpuAtStart = process.cpuUsage();
  const start = performance.now();
  const end = start + SECONDS * 1000;
  const sampler = setInterval(() => {
    void rssKiB(pid).then((kib) => rss.push({ at: (performance.now() - start) / 1000, kib }));
  }, 5000);

  function fire(i: number, due: number): void {
    const kind = MIX[i % MIX.length] as Kind;
    inFlight += 1;
    sent += 1;
    send[kind](i)
      .then(
        ({ status, json }) => {
          const elapsed = performance.now() - due;
          if (due - start >= WARM_UP_SECONDS * 1000) {
            const list = latencies.get(kind) ?? [];
            list.push(elapsed);
            latencies.set(kind, list);
          }
          if (status === 409 && VERSIONED.has(kind)) races += 1;
          else if (status >= 400) errors.push(`${kind} ${status} ${JSON.stringify(json).slice(0, 200)}`);
          remember(kind, i, json);
        },
        (error: unknown) => {
          // fetch wraps the network error: its cause says what happened (ECONNRESET, a timeout…).
          const cause =
            error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
          errors.push(`${kind} ${error instanceof Error ? error.message : String(error)}${cause}`);
        },
      )
      .finally(() => (inFlight -= 1));
  }

  // Open loop: request i is due at start + i/RATE seconds; the timer catches up with any lateness in one go.
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      while (start + (next * 1000) / RATE <= Math.min(now, end)) {
        fire(next, start + (next * 1000) / RATE);
        next += 1;
      }
      if (now >= end) return resolve();
      setTimeout(tick, Math.max(0, start + (next * 1000) / RATE - performance.now()));
    };
    tick();
  });
  while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  clearInterval(sampler);
  rss.push({ at: SECONDS, kib: await rssKiB(pid) });

  // RSS at the end of the warm-up and at the end, each the median of up to three samples (GC makes single ones noisy).
  const median = (values: number[]): number =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const afterWarmUp = rss.filter((s) => s.at >= WARM_UP_SECONDS);
  const rssStart = median(afterWarmUp.slice(0, 3).map((s) => s.kib));
  const rssEnd = median(afterWarmUp.slice(-3).map((s) => s.kib));
  const growth = ((rssEnd - rssStart) / rssStart) * 100;
  const rate = sent / SECONDS;
  const serverCpu = (await cpuSeconds(pid)) - serverCpuAtStart;
  const clientUsage = process.cpuUsage(clientCpuAtStart);
  const clientCpu = (clientUsage.user + clientUsage.system) / 1e6;

  console.log(
    `soak: ${SECONDS} s at ${RATE} req/s against ${serverUrl} (PostgreSQL ${name}), warm-up ${WARM_UP_SECONDS} s`,
  );
  console.log('kind                 count     p50 ms    p99 ms    max ms');
  for (const kind of new Set(MIX)) {
    const sorted = [...(latencies.get(kind) ?? [])].sort((a, b) => a - b);
    console.log(
      `${kind.padEnd(18)} ${String(sorted.length).padStart(7)} ${fmt(percentile(sorted, 50)).padStart(10)} ${fmt(percentile(sorted, 99)).padStart(9)} ${fmt(sorted.at(-1) ?? Number.NaN).padStart(9)}`,
    );
  }
  console.log(
    `requests sent: ${sent} (${fmt(rate)} req/s); errors: ${errors.length}; 409 from version races: ${races}`,
  );
  console.log(
    `server RSS: ${fmt(rssStart / 1024)} MiB after warm-up, ${fmt(rssEnd / 1024)} MiB at the end: ${fmt(growth)}% growth`,
  );
  console.log(
    `CPU: server ${fmt((serverCpu / SECONDS) * 100)}% of a core (${fmt((serverCpu * 1000) / Math.max(1, sent), 2)} ms per request), this client ${fmt((clientCpu / SECONDS) * 100)}%`,
  );
  console.log(`RSS every 5 s (MiB): ${rss.map((sample) => Math.round(sample.kib / 1024)).join(' ')}`);
  for (const error of errors.slice(0, 10)) console.log(`  error: ${error}`);

  const missed = [
    ...(errors.length > 0 ? [`${errors.length} errors (target 0)`] : []),
    ...(growth >= 10 ? [`RSS grew ${fmt(growth)}% (target < 10%)`] : []),
    ...(rate < RATE * 0.95 ? [`rate ${fmt(rate)} req/s (target ${RATE})`] : []),
  ];
  console.log(missed.length === 0 ? 'soak: every target met' : `soak: MISSED ${missed.join('; ')}`);
  process.exitCode = missed.length === 0 ? 0 : 1;
}
