/**
 * Runs the evidence sweeps (staged leftovers, then unreferenced content) at start-up and then periodically, in one
 * process at a time: the `maintenance_tasks` row of the task holds a lease that one conditional UPDATE takes, and
 * `next_run_at` spaces the runs, whichever process performs them.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { json } from '../db/json.ts';
import type { Database } from '../db/schema.ts';
import { DEFAULT_ORPHAN_GRACE_MS, sweepOrphanEvidence, type OrphanSweepResult } from './gc.ts';
import type { EvidenceStore } from './store.ts';

export const EVIDENCE_GC_TASK = 'evidence.gc';

const interval = (ms: number) => `${Math.max(0, Math.round(ms))} milliseconds`;

/**
 * Takes the task's lease for `leaseMs` if nobody holds it and, unless `force`, if it is due. Returns whether this
 * worker now holds it.
 */
export async function claimTask(
  db: Kysely<Database>,
  task: string,
  workerId: string,
  options: { readonly leaseMs: number; readonly force?: boolean },
): Promise<boolean> {
  await db
    .insertInto('maintenance_tasks')
    .values({ task })
    .onConflict((oc) => oc.column('task').doNothing())
    .execute();
  let query = db
    .updateTable('maintenance_tasks')
    .set({
      locked_by: workerId,
      locked_until: sql<Date>`now() + ${interval(options.leaseMs)}::interval`,
      updated_at: sql<Date>`now()`,
    })
    .where('task', '=', task)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', sql<Date>`now()`)]));
  if (options.force !== true) query = query.where('next_run_at', '<=', sql<Date>`now()`);
  const claimed = await query.executeTakeFirst();
  return claimed.numUpdatedRows > 0n;
}

/** Extends the lease while the task runs; false when another worker took it over. */
export async function extendTask(
  db: Kysely<Database>,
  task: string,
  workerId: string,
  leaseMs: number,
): Promise<boolean> {
  const updated = await db
    .updateTable('maintenance_tasks')
    .set({ locked_until: sql<Date>`now() + ${interval(leaseMs)}::interval`, updated_at: sql<Date>`now()` })
    .where('task', '=', task)
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** Releases the lease, records the outcome and schedules the next run `everyMs` from now. */
export async function finishTask(
  db: Kysely<Database>,
  task: string,
  workerId: string,
  everyMs: number,
  outcome: { readonly result: unknown } | { readonly error: string },
): Promise<void> {
  await db
    .updateTable('maintenance_tasks')
    .set({
      locked_by: null,
      locked_until: null,
      next_run_at: sql<Date>`now() + ${interval(everyMs)}::interval`,
      updated_at: sql<Date>`now()`,
      ...('error' in outcome
        ? { last_error: outcome.error }
        : { last_result: json(outcome.result), last_error: null }),
    })
    .where('task', '=', task)
    .where('locked_by', '=', workerId)
    .execute();
}

export interface EvidenceMaintenanceOptions {
  readonly db: Kysely<Database>;
  readonly store: EvidenceStore;
  /** Time between sweeps across all processes (default one hour). */
  readonly everyMs?: number;
  /** Grace period of content and staged leftovers (default one hour). */
  readonly olderThanMs?: number;
  /** How often each process checks whether a sweep is due (default five minutes). */
  readonly checkEveryMs?: number;
  readonly workerId?: string;
  /** Told about each sweep this process ran from its timer or at start-up. */
  readonly onSweep?: (result: OrphanSweepResult) => void;
  readonly onError?: (error: unknown) => void;
}

export interface EvidenceMaintenance {
  /** Runs a sweep now if no other process runs one (`force` ignores the schedule); undefined when skipped. */
  runOnce(force?: boolean): Promise<OrphanSweepResult | undefined>;
  /** Sweeps now in the background (forced: a start-up sweep), then checks every `checkEveryMs` whether one is due. */
  start(): void;
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/** The periodic sweep of one process; several processes on one database share the schedule. */
export function createEvidenceMaintenance(options: EvidenceMaintenanceOptions): EvidenceMaintenance {
  const { db, store } = options;
  const everyMs = options.everyMs ?? 60 * 60 * 1000;
  const olderThanMs = options.olderThanMs ?? DEFAULT_ORPHAN_GRACE_MS;
  const checkEveryMs = options.checkEveryMs ?? 5 * 60 * 1000;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = 10 * 60 * 1000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  async function sweep(force: boolean): Promise<OrphanSweepResult | undefined> {
    if (!(await claimTask(db, EVIDENCE_GC_TASK, workerId, { leaseMs, force }))) return undefined;
    try {
      await store.sweepStaging({ olderThanMs });
      const result = await sweepOrphanEvidence(db, store, {
        olderThanMs,
        onBatch: async () => {
          if (!(await extendTask(db, EVIDENCE_GC_TASK, workerId, leaseMs)))
            throw new Error('the evidence sweep lease was taken over by another process');
        },
      });
      const { removed, ...counts } = result;
      await finishTask(db, EVIDENCE_GC_TASK, workerId, everyMs, {
        result: { ...counts, removed: removed.length },
      });
      return result;
    } catch (error) {
      // Retried at the next check rather than in an hour: the failure may have been a passing outage.
      await finishTask(db, EVIDENCE_GC_TASK, workerId, checkEveryMs, {
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
  }

  const runOnce = (force = false) => {
    // One sweep at a time per process; a call during a sweep waits for it and reports nothing of its own.
    if (running !== undefined) return running.then(() => undefined);
    const current = sweep(force).finally(() => {
      running = undefined;
    });
    running = current;
    return current;
  };

  const tick = (force: boolean) => {
    runOnce(force).then(
      (result) => {
        if (result !== undefined) options.onSweep?.(result);
      },
      (error: unknown) => options.onError?.(error),
    );
  };

  return {
    runOnce,
    start() {
      if (timer !== undefined) return;
      tick(true);
      timer = setInterval(() => tick(false), checkEveryMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}

/**
 * Sweeps once when the app is ready (in the background: start-up does not wait for it) and then every `everyMs`
 * across the processes sharing the database; stops with the app. Failures are logged and retried at the next check.
 */
export function runEvidenceMaintenance(app: FastifyInstance, options: EvidenceMaintenanceOptions): void {
  const maintenance = createEvidenceMaintenance({
    onSweep: (result) => {
      if (result.removed.length > 0)
        app.log.info(
          { removed: result.removed.length, bytes: result.removedBytes },
          'evidence sweep removed unreferenced content',
        );
    },
    onError: (error) => app.log.error({ err: error }, 'evidence sweep'),
    ...options,
  });
  app.addHook('onReady', () => {
    maintenance.start();
    return Promise.resolve();
  });
  app.addHook('onClose', () => maintenance.stop());
}
