import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { isDatabaseUnavailable } from '../db/connect.ts';
import type { Database, Job } from '../db/schema.ts';
import { claimJob, finishJob, heartbeat } from './queue.ts';

/** What a job handler receives besides its job row. */
export interface JobContext {
  /** Reports progress (0-100) and extends the lease; throws `JobLostError` when another worker took the job. */
  progress(percent: number): Promise<void>;
}

/** Runs one job of its kind and returns its result (stored as JSON). A thrown error fails the job with its message. */
export type JobHandler = (job: Job, context: JobContext) => Promise<unknown>;

/** The lease expired and another worker claimed the job: stop without writing anything more. */
export class JobLostError extends Error {
  constructor(jobId: string) {
    super(`job ${jobId} was taken over by another worker after its lease expired`);
    this.name = 'JobLostError';
  }
}

export interface WorkerOptions {
  readonly db: Kysely<Database>;
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** How often an idle worker looks for work (default 1 s); `wake()` short-circuits the wait. */
  readonly pollMs?: number;
  /** How long a claim holds without a heartbeat (default 60 s). */
  readonly leaseMs?: number;
  readonly workerId?: string;
  readonly onError?: (error: unknown) => void;
}

export interface JobWorker {
  readonly workerId: string;
  start(): void;
  /** Looks for work now rather than at the next poll. */
  wake(): void;
  /** Stops claiming and waits for the job in hand to finish. */
  stop(): Promise<void>;
  /** Claims and runs jobs until none is runnable; returns how many ran (tests, the CLI). */
  drain(): Promise<number>;
}

/** A worker loop for one process: one job at a time, so a render never competes with another in the same process. */
export function createJobWorker(options: WorkerOptions): JobWorker {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const kinds = Object.keys(options.handlers);
  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function runOne(): Promise<boolean> {
    const job = await claimJob(options.db, { workerId, kinds, leaseMs });
    if (job === undefined) return false;
    const handler = options.handlers[job.kind];
    try {
      if (handler === undefined) throw new Error(`no handler for job kind ${job.kind}`);
      const result = await handler(job, {
        progress: async (percent) => {
          if (!(await heartbeat(options.db, job.id, workerId, percent, leaseMs)))
            throw new JobLostError(job.id);
        },
      });
      await finishJob(options.db, job.id, workerId, { result: result ?? null });
    } catch (error) {
      if (error instanceof JobLostError) return true;
      // The database went away mid-job: failing the job would need the database too, and the outage is not the
      // job's fault. Leave it claimed; its lease expires and it runs again (the attempt counts).
      if (isDatabaseUnavailable(error)) throw error;
      await finishJob(options.db, job.id, workerId, {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return true;
  }

  async function drain(): Promise<number> {
    let count = 0;
    while (await runOne()) count += 1;
    return count;
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        await drain();
      } catch (error) {
        // A lost connection or a closing database: report it and try again at the next poll.
        options.onError?.(error);
      }
      if (!running) break;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, pollMs);
      });
      wakeUp = undefined;
    }
  }

  return {
    workerId,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    wake() {
      if (timer !== undefined) clearTimeout(timer);
      wakeUp?.();
    },
    async stop() {
      running = false;
      this.wake();
      await loop;
    },
    drain,
  };
}
