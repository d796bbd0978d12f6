// Bulk assessment updates (PATCH …/assessments, the workspace's multi-select edit): a batch of 500 changes in one
// transaction, beside a single-assessment update in the same run as the baseline, on PGlite and on a throwaway
// PostgreSQL database. Each case goes through the server's own command in its own transaction, audit entries
// included. "statements" counts what the command sends (begin and commit not included), through a Kysely plugin.
import { randomUUID } from 'node:crypto';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { openDatabase, verifyAuditLog, type DatabaseHandle } from '@mica-audit/server';
import {
  bulkUpdateAssessments,
  type AssessmentChange,
} from '../../packages/server/src/commands/assessments.ts';
import { seedBenchEngagement, withPostgresDatabase, type BenchEngagement } from './databases.ts';
import { percentile } from './stats.ts';

const BATCH = 500;
const BATCH_ROUNDS = 7;
const SINGLE_ROUNDS = 60;
const STATUSES = ['compliant', 'partially-compliant', 'non-compliant', 'not-applicable'] as const;

type Target = BenchEngagement;

/** The smallest engagement, staffed with its user, and BATCH assessments. */
async function seed(database: DatabaseHandle): Promise<Target> {
  const target = await seedBenchEngagement(database, { phase: 'assessment', staffed: true });
  const { db } = database;
  const { organisationId, engagementId } = target;
  await db
    .insertInto('assessments')
    .values(
      Array.from({ length: BATCH }, (_, i) => ({
        id: randomUUID(),
        organisation_id: organisationId,
        engagement_id: engagementId,
        requirement_urn: `urn:mica-audit:bench:req-${String(i).padStart(4, '0')}`,
        status: 'not-assessed' as const,
        maturity: null,
      })),
    )
    .execute();
  return target;
}

/** Counts the statements Kysely sends through a handle (raw `sql` included). */
function statementCounter(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery(args: PluginTransformQueryArgs) {
      this.count += 1;
      return args.node;
    },
    transformResult(args: PluginTransformResultArgs) {
      return Promise.resolve(args.result);
    },
  };
}

async function current(database: DatabaseHandle, target: Target) {
  return database.db
    .selectFrom('assessments')
    .select(['id', 'version'])
    .where('engagement_id', '=', target.engagementId)
    .orderBy('requirement_urn')
    .execute();
}

function changesFor(rows: readonly { id: string; version: number }[], round: number, target: Target) {
  return rows.map((r, i): AssessmentChange => ({
    id: r.id,
    version: r.version,
    status: STATUSES[(i + round) % STATUSES.length],
    maturity: (i + round) % 6,
    observation: `Round ${round}: control ${i} reviewed against the written procedure and two samples.`,
    ...(i % 5 === 0 ? { assigneeId: target.userId } : {}),
  }));
}

interface Timing {
  readonly median: number;
  readonly p90: number;
  readonly statements: number;
}

async function timeUpdates(
  database: DatabaseHandle,
  target: Target,
  rounds: number,
  size: number,
): Promise<Timing> {
  const counter = statementCounter();
  const db = database.db.withPlugin(counter);
  const input = { organisationId: target.organisationId, engagementId: target.engagementId };
  const durations: number[] = [];
  let statements = 0;
  // One unmeasured round first: plans cached, JIT warm.
  for (let round = 0; round <= rounds; round += 1) {
    const changes = changesFor((await current(database, target)).slice(0, size), round, target);
    counter.count = 0;
    const started = performance.now();
    const saved = await db
      .transaction()
      .execute((tx) => bulkUpdateAssessments({ actor: target.actor, input: { ...input, changes }, tx }));
    const elapsed = performance.now() - started;
    if (saved.length !== size) throw new Error(`expected ${size} saved, got ${saved.length}`);
    if (round > 0) durations.push(elapsed);
    statements = counter.count;
  }
  durations.sort((a, b) => a - b);
  return { median: percentile(durations, 50), p90: percentile(durations, 90), statements };
}

const ms = (n: number) => n.toFixed(2).padStart(9);

async function run(label: string, database: DatabaseHandle): Promise<void> {
  const target = await seed(database);
  const single = await timeUpdates(database, target, SINGLE_ROUNDS, 1);
  const batch = await timeUpdates(database, target, BATCH_ROUNDS, BATCH);
  const verified = await verifyAuditLog(database.db);
  if (!verified.ok) throw new Error(`audit log does not verify: ${verified.message}`);
  const row = (name: string, t: Timing, per: number) =>
    console.log(
      `${`${label}: ${name}`.padEnd(40)} ${ms(t.median)} ${ms(t.p90)} ${ms(per)} ${String(t.statements).padStart(11)}`,
    );
  row('single update (baseline)', single, single.median);
  row(`batch of ${BATCH}`, batch, batch.median / BATCH);
  console.log(
    `  one item in the batch costs ${(batch.median / BATCH / single.median).toFixed(3)} of a single update; ` +
      `the batch is ${((single.median * BATCH) / batch.median).toFixed(1)}× faster than ${BATCH} single updates ` +
      `(audit log: ${verified.entries} entries, chain verified)`,
  );
}

export default async function (): Promise<void> {
  console.log(
    `${'case'.padEnd(40)} ${'median ms'.padStart(9)} ${'p90 ms'.padStart(9)} ${'ms/item'.padStart(9)} ${'statements'.padStart(11)}`,
  );
  const lite = await openDatabase({ pgliteDir: 'memory://' });
  try {
    await run('PGlite', lite);
  } finally {
    await lite.close();
  }
  await withPostgresDatabase((database) => run('PostgreSQL', database));
}
