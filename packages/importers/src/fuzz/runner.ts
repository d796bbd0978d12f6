import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { MAX_MS_PER_INPUT } from './check.ts';
import { INPUT_CAPACITY, type FuzzJob, type FuzzReply, type FuzzShared } from './protocol.ts';

/** An input still running after this long is a hang: the worker is stopped and the input reported. */
const HANG_MS = MAX_MS_PER_INPUT + 1_000;

export interface FuzzRunner {
  /** Runs one job; rejects with the report of the first failing (or hanging) input. */
  run(job: FuzzJob): Promise<number>;
  close(): Promise<void>;
}

/** Runs fuzz jobs in a worker thread, one at a time, watching every input for a hang. */
export function fuzzRunner(): FuzzRunner {
  const shared: FuzzShared = {
    progress: new SharedArrayBuffer(4),
    input: new SharedArrayBuffer(4 + INPUT_CAPACITY),
    scratch: mkdtempSync(join(tmpdir(), 'mica-fuzz-')),
  };
  const progress = new Int32Array(shared.progress);
  let worker: Worker | undefined;

  const spawn = () =>
    (worker ??= new Worker(new URL('./worker.ts', import.meta.url), { workerData: shared }));

  function hangInput(): string {
    const length = new Int32Array(shared.input, 0, 1)[0] ?? 0;
    const text = Buffer.from(new Uint8Array(shared.input, 4, length)).toString('utf8');
    const path = join(mkdtempSync(join(tmpdir(), 'mica-fuzz-hang-')), 'input');
    writeFileSync(path, text);
    return path;
  }

  return {
    run(job) {
      const current = spawn();
      const before = Atomics.load(progress, 0);
      return new Promise<number>((resolve, reject) => {
        let seen = before;
        let since = Date.now();
        const watchdog = setInterval(() => {
          const now = Atomics.load(progress, 0);
          if (now !== seen) {
            seen = now;
            since = Date.now();
            return;
          }
          // Armed once the first input started: loading the seeds is not an input.
          if (now === before || Date.now() - since < HANG_MS) return;
          clearInterval(watchdog);
          current.off('message', onMessage);
          current.off('error', onError);
          worker = undefined;
          void current.terminate();
          reject(
            new Error(
              `${job.format} (${job.mode}${job.streamed ? ', streamed' : ''}): input ${now - before} did not finish within ${HANG_MS} ms\n` +
                `  saved to: ${hangInput()}\n  replay: FUZZ_SEED=${job.seed}`,
            ),
          );
        }, 100);
        const onMessage = (reply: FuzzReply) => {
          clearInterval(watchdog);
          current.off('message', onMessage);
          current.off('error', onError);
          if (reply.ok) resolve(reply.runs);
          else reject(new Error(reply.report));
        };
        const onError = (error: Error) => {
          clearInterval(watchdog);
          current.off('message', onMessage);
          worker = undefined;
          reject(new Error(`${job.format}: the fuzz worker died: ${error.message}`, { cause: error }));
        };
        current.on('message', onMessage);
        current.once('error', onError);
        current.postMessage(job);
      });
    },
    async close() {
      await worker?.terminate();
      worker = undefined;
      rmSync(shared.scratch, { recursive: true, force: true });
    },
  };
}
