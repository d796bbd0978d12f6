/** The worker thread that runs fuzz jobs, so the test thread can stop an input that never returns. */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { checkFile, checkText, keepInput } from './check.ts';
import { mutatedInputs, randomInputs, type FuzzInput } from './inputs.ts';
import { INPUT_CAPACITY, type FuzzJob, type FuzzReply, type FuzzShared } from './protocol.ts';
import { seedsByFormat } from './seeds.ts';

const shared = workerData as FuzzShared;
const progress = new Int32Array(shared.progress);
const length = new Int32Array(shared.input, 0, 1);
const bytes = new Uint8Array(shared.input, 4);
const seeds = seedsByFormat();

function record(input: FuzzInput): void {
  const written = new TextEncoder().encodeInto(input.text, bytes.subarray(0, INPUT_CAPACITY)).written;
  Atomics.store(length, 0, written);
  Atomics.add(progress, 0, 1);
}

async function run(job: FuzzJob): Promise<FuzzReply> {
  const formatSeeds = seeds.get(job.format) ?? [];
  if (formatSeeds.length === 0)
    return { ok: false, report: `${job.format}: no seed document detected as it` };
  const inputs = job.mode === 'random' ? randomInputs(formatSeeds) : mutatedInputs(formatSeeds);
  const property = job.streamed
    ? fc.asyncProperty(inputs, async (input) => {
        record(input);
        await checkFile(job.format, input.text, join(shared.scratch, 'input'));
      })
    : fc.property(inputs, (input) => {
        record(input);
        checkText(job.format, input.text);
      });
  // No shrinking: a failure is reported with the seed and the exact input, and shrinking a slow input takes long.
  const details = await fc.check(property, { numRuns: job.runs, seed: job.seed, endOnFailure: true });
  if (!details.failed) return { ok: true, runs: details.numRuns };
  const input = details.counterexample?.[0];
  const error = details.errorInstance instanceof Error ? details.errorInstance : undefined;
  const cause = error?.cause instanceof Error ? `\n  cause: ${error.cause.stack ?? error.cause.message}` : '';
  return {
    ok: false,
    report: [
      `${job.format} (${job.mode}${job.streamed ? ', streamed' : ''}): input ${details.numRuns} failed: ${error?.message ?? String(details.errorInstance)}${cause}`,
      `  made from: ${input?.how ?? '?'}`,
      `  saved to: ${input === undefined ? '-' : keepInput(input.text)}`,
      `  replay: FUZZ_SEED=${details.seed} (fast-check seed ${details.seed}, path ${details.counterexamplePath ?? '?'})`,
    ].join('\n'),
  };
}

parentPort?.on('message', (job: FuzzJob) => {
  run(job).then(
    (reply) => parentPort?.postMessage(reply),
    (error: unknown) =>
      parentPort?.postMessage({
        ok: false,
        report: `fuzz worker failed: ${String(error)}`,
      } satisfies FuzzReply),
  );
});
