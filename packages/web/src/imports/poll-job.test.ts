import { describe, expect, it } from 'vitest';
import { pollDelay, pollJob, progressOf, type JobState } from './poll-job.ts';

const job = (status: JobState['status'], progress: number, extra: Partial<JobState> = {}): JobState => ({
  status,
  progress,
  result: null,
  error: null,
  ...extra,
});

describe('pollJob', () => {
  it('reads until the job is done, reporting every answer and pausing with a growing delay', async () => {
    const answers = [job('queued', 0), job('running', 40), job('running', 80), job('done', 100)];
    const seen: number[] = [];
    const pauses: number[] = [];
    const last = await pollJob(() => Promise.resolve(answers.shift() ?? job('failed', 0)), {
      onUpdate: (j) => seen.push(j.progress),
      sleep: (ms) => {
        pauses.push(ms);
        return Promise.resolve();
      },
    });
    expect(last.status).toBe('done');
    expect(seen).toEqual([0, 40, 80, 100]);
    expect(pauses).toEqual([250, 375, 563]);
  });

  it('returns a failed job with its error instead of throwing', async () => {
    const last = await pollJob(() => Promise.resolve(job('failed', 30, { error: 'scan.sarif: malformed' })), {
      sleep: () => Promise.resolve(),
    });
    expect(last).toMatchObject({ status: 'failed', error: 'scan.sarif: malformed' });
  });

  it('stops when the signal aborts during a pause', async () => {
    const controller = new AbortController();
    let reads = 0;
    const polling = pollJob(
      () => {
        reads += 1;
        return Promise.resolve(job('running', 10));
      },
      { signal: controller.signal, firstDelay: 5 },
    );
    controller.abort(new Error('left the page'));
    await expect(polling).rejects.toThrow('left the page');
    expect(reads).toBe(1);
  });

  it('passes a failed read on to the caller', async () => {
    await expect(pollJob(() => Promise.reject(new Error('job abc not found')))).rejects.toThrow(
      'job abc not found',
    );
  });
});

describe('pollDelay and progressOf', () => {
  it('backs off to the maximum pause', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => pollDelay(n))).toEqual([
      250, 375, 563, 844, 1266, 1500, 1500, 1500,
    ]);
  });

  it('clamps progress and counts a done job as complete', () => {
    expect(progressOf({ status: 'running', progress: 142 })).toBe(100);
    expect(progressOf({ status: 'running', progress: -3 })).toBe(0);
    expect(progressOf({ status: 'queued', progress: Number.NaN })).toBe(0);
    expect(progressOf({ status: 'done', progress: 90 })).toBe(100);
    expect(progressOf({ status: 'running', progress: 33.6 })).toBe(34);
  });
});
