import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Catalogue } from '@mica-audit/core';
import { REPORT_JOB, runReportJob } from '../commands/reports-issue.ts';
import type { Database } from '../db/schema.ts';
import type { EvidenceStore } from '../evidence/store.ts';
import { createJobWorker, type JobHandler, type JobWorker } from './worker.ts';

export interface JobServices {
  readonly db: Kysely<Database>;
  readonly store: EvidenceStore;
  readonly catalogue: Catalogue;
}

/** Every job kind this server runs, with its handler. */
export function jobHandlers(services: JobServices): Record<string, JobHandler> {
  return {
    [REPORT_JOB]: (job, context) => runReportJob(services, job, context),
  };
}

// The worker of each open database, so a route can wake it right after enqueuing (the queue works without it).
const workers = new WeakMap<Kysely<Database>, JobWorker>();

/** Wakes this process's worker for the database, if it runs one; other processes pick the job up at their next poll. */
export function wakeJobWorker(db: Kysely<Database>): void {
  workers.get(db)?.wake();
}

/** The worker of this process for the database, if one runs (tests drain it). */
export function jobWorkerOf(db: Kysely<Database>): JobWorker | undefined {
  return workers.get(db);
}

/** Runs a job worker for as long as the app: it starts when the app is ready and stops (finishing its job) on close. */
export function runJobWorker(app: FastifyInstance, services: JobServices): void {
  const worker = createJobWorker({
    db: services.db,
    handlers: jobHandlers(services),
    onError: (error) => app.log.error({ err: error }, 'job worker'),
  });
  workers.set(services.db, worker);
  app.addHook('onReady', () => {
    worker.start();
    return Promise.resolve();
  });
  app.addHook('onClose', async () => {
    await worker.stop();
    workers.delete(services.db);
  });
}
