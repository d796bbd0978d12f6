/**
 * A durable job queue on the `jobs` table, the same code on PGlite and PostgreSQL (see README, "Jobs").
 *
 * A worker claims the oldest runnable job with `FOR UPDATE SKIP LOCKED`, so several server processes sharing one
 * PostgreSQL database never take the same job, and holds it under a lease (`locked_until`, database clock) that it
 * extends with every progress report. A job whose lease expired — its process died — is runnable again until it has
 * used `max_attempts`, then it fails. Every statement is one short transaction: nothing is held while a job runs.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { authorize } from '@mica-audit/core';
import { found, type InOrganisation, type QueryProps } from '../commands/context.ts';
import { jobVisible } from '../commands/engagement-access.ts';
import { json } from '../db/json.ts';
import type { Database, Job } from '../db/schema.ts';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobView {
  readonly id: string;
  readonly kind: string;
  readonly status: JobStatus;
  /** 0 to 100. */
  readonly progress: number;
  readonly result: unknown;
  readonly error: string | null;
  readonly attempts: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function jobView(row: Job): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as JobStatus,
    progress: Number(row.progress),
    result: row.result ?? null,
    error: row.error,
    attempts: row.attempts,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface EnqueueInput {
  readonly organisationId: string;
  readonly kind: string;
  readonly payload: unknown;
  readonly createdBy: string | null;
  readonly maxAttempts?: number;
}

/** Adds a job inside the caller's transaction: it becomes visible to workers when that transaction commits. */
export async function enqueueJob(tx: Transaction<Database>, input: EnqueueInput): Promise<JobView> {
  const row = await tx
    .insertInto('jobs')
    .values({
      id: randomUUID(),
      organisation_id: input.organisationId,
      kind: input.kind,
      payload: json(input.payload),
      created_by: input.createdBy,
      locked_by: null,
      locked_until: null,
      result: null,
      error: null,
      ...(input.maxAttempts === undefined ? {} : { max_attempts: input.maxAttempts }),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return jobView(row);
}

export interface ClaimOptions {
  readonly workerId: string;
  readonly kinds: readonly string[];
  readonly leaseMs: number;
}

/**
 * Claims the oldest runnable job of the given kinds (queued, or running with an expired lease), or returns
 * undefined. Jobs whose lease expired on their last attempt are failed first.
 */
export async function claimJob(db: Kysely<Database>, options: ClaimOptions): Promise<Job | undefined> {
  if (options.kinds.length === 0) return undefined;
  await db
    .updateTable('jobs')
    .set({
      status: 'failed',
      error: sql<string>`'abandoned: the worker stopped before finishing (' || attempts || ' attempts)'`,
      locked_by: null,
      locked_until: null,
      updated_at: sql<Date>`now()`,
    })
    .where('status', '=', 'running')
    .where('locked_until', '<', sql<Date>`now()`)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .execute();
  return db
    .updateTable('jobs')
    .set({
      status: 'running',
      attempts: sql<number>`attempts + 1`,
      locked_by: options.workerId,
      locked_until: sql<Date>`now() + ${`${options.leaseMs} milliseconds`}::interval`,
      error: null,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('kind', 'in', options.kinds)
        .where((w) =>
          w.or([
            w('status', '=', 'queued'),
            w.and([w('status', '=', 'running'), w('locked_until', '<', sql<Date>`now()`)]),
          ]),
        )
        .orderBy('created_at')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
}

/**
 * Records progress and extends the lease. Returns false when this worker no longer holds the job (its lease
 * expired and another worker took it): the caller should stop and not write a result.
 */
export async function heartbeat(
  db: Kysely<Database>,
  jobId: string,
  workerId: string,
  progress: number,
  leaseMs: number,
): Promise<boolean> {
  const updated = await db
    .updateTable('jobs')
    .set({
      progress: Math.max(0, Math.min(100, Math.round(progress))),
      locked_until: sql<Date>`now() + ${`${leaseMs} milliseconds`}::interval`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', jobId)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** Marks the job done (progress 100) or failed, if this worker still holds it. */
export async function finishJob(
  db: Kysely<Database>,
  jobId: string,
  workerId: string,
  outcome: { readonly result: unknown } | { readonly error: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('jobs')
    .set({
      ...('error' in outcome
        ? { status: 'failed', error: outcome.error }
        : { status: 'done', progress: 100, result: json(outcome.result) }),
      locked_by: null,
      locked_until: null,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', jobId)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** One job of the organisation: status, progress, result and error. */
export async function getJob({
  actor,
  input,
  tx,
}: QueryProps<InOrganisation & { readonly jobId: string }>): Promise<JobView> {
  authorize(actor, 'job.read', input);
  const row = found(
    await tx
      .selectFrom('jobs')
      .selectAll()
      .where('organisation_id', '=', input.organisationId)
      .where('id', '=', input.jobId)
      .where(jobVisible(tx, actor, input.organisationId))
      .executeTakeFirst(),
    'job',
    input.jobId,
  );
  return jobView(row);
}
