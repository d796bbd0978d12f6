import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Catalogue } from '@mica-audit/core';
import { IMPORT_JOB, runImportJob } from '../commands/imports-job.ts';
import { REPORT_JOB, runReportJob } from '../commands/reports-issue.ts';
import type { Database } from '../db/schema.ts';
import type { EvidenceStore } from '../evidence/store.ts';
import { INVITATION_MAIL_JOB, runInvitationMailJob, type MailService } from '../mail/invitation-job.ts';
import { createJobWorker, type JobHandler, type JobWorker } from './worker.ts';

export interface JobServices {
  readonly db: Kysely<Database>;
  readonly store: EvidenceStore;
  readonly catalogue: Catalogue;
  /** Invitation e-mail; its job runs only in processes that have an SMTP server configured. */
  readonly mail?: MailService | undefined;
  /** The data directory, where uploaded tool files wait for their import job. */
  readonly dataDir?: string | undefined;
}

// The invitation e-mail job, registered only where SMTP is configured (other processes leave it to those that can).
function mailHandler(services: JobServices): Record<string, JobHandler> {
  const { db, mail } = services;
  if (mail?.mailer === undefined) return {};
  return { [INVITATION_MAIL_JOB]: (job) => runInvitationMailJob({ db, mail }, job) };
}

/** Every job kind this server runs, with its handler. */
export function jobHandlers(services: JobServices): Record<string, JobHandler> {
  return {
    [REPORT_JOB]: (job, context) => runReportJob(services, job, context),
    [IMPORT_JOB]: (job, context) => runImportJob(services, job, context),
    ...mailHandler(services),
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
