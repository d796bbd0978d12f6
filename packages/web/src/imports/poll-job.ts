/**
 * Polling a server job (`GET …/jobs/:jobId`) until it settles. Pure apart from the two functions it is given, so
 * the timing and stop rules are tested without a server or a clock.
 */

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** What `GET …/jobs/:jobId` answers (only what the app reads). */
export interface JobState {
  readonly status: JobStatus;
  /** 0 to 100. */
  readonly progress: number;
  readonly result: unknown;
  readonly error: string | null;
}

export interface PollOptions {
  /** Called with every answer, including the last one. */
  readonly onUpdate?: (job: JobState) => void;
  readonly signal?: AbortSignal;
  /** Waits `ms` milliseconds; rejects when `signal` aborts. Defaults to a timer. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** First and largest pause between two reads, in milliseconds. */
  readonly firstDelay?: number;
  readonly maxDelay?: number;
}

/** Whether the job will change no more. */
export function settled(job: JobState): boolean {
  return job.status === 'done' || job.status === 'failed';
}

/** The pause after the n-th read (0-based): quick at first for short jobs, then backing off to `max`. */
export function pollDelay(n: number, first = 250, max = 1500): number {
  return Math.min(max, Math.round(first * 1.5 ** n));
}

function timer(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const id = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(id);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/** Clamps a progress figure from the server to 0–100 (a job that reports nothing counts as 0). */
export function progressOf(job: Pick<JobState, 'progress' | 'status'>): number {
  if (job.status === 'done') return 100;
  const value = Number(job.progress);
  return Number.isFinite(value) ? Math.max(0, Math.min(100, Math.round(value))) : 0;
}

/**
 * Reads the job until it is done or failed and returns the last answer (a failed job is returned, not thrown: its
 * `error` is what the user reads). A failed read (network, 404) rejects; so does aborting `signal`.
 */
export async function pollJob(
  read: (signal?: AbortSignal) => Promise<JobState>,
  options: PollOptions = {},
): Promise<JobState> {
  const sleep = options.sleep ?? timer;
  for (let n = 0; ; n += 1) {
    const job = await read(options.signal);
    options.onUpdate?.(job);
    if (settled(job)) return job;
    await sleep(pollDelay(n, options.firstDelay, options.maxDelay), options.signal);
  }
}
