import { afterAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../registry.ts';
import { fuzzRunner } from './runner.ts';
import { seedsByFormat } from './seeds.ts';

/**
 * Property-based fuzzing of every importer: `npm run fuzz` runs FUZZ_RUNS inputs (default there 10,000) per format
 * and kind of input; a plain test run a quick pass. A failure names the input (saved to a file) and the seed to
 * replay it with (`FUZZ_SEED=… npm run fuzz`).
 */
const RUNS = Number.parseInt(process.env.FUZZ_RUNS ?? '60', 10);
const FIXED_SEED =
  process.env.FUZZ_SEED === undefined ? undefined : Number.parseInt(process.env.FUZZ_SEED, 10);
const seed = () => FIXED_SEED ?? Math.floor(Math.random() * 0x7fffffff);
// Generous: the limit that matters is per input (2 s), which the runner enforces itself.
const TIMEOUT = Math.max(60_000, RUNS * 100);

describe('fuzz: every importer returns findings or throws a typed import error, each input within 2 s', () => {
  const runner = fuzzRunner();
  afterAll(() => runner.close());

  it('has seed documents for every format', () => {
    const seeds = seedsByFormat();
    expect(FORMATS.filter((f) => (seeds.get(f.name) ?? []).length === 0).map((f) => f.name)).toEqual([]);
  });

  for (const format of FORMATS)
    for (const mode of ['random', 'mutated'] as const) {
      it(
        `${format.name}: ${mode} inputs`,
        async () => {
          expect(
            await runner.run({ format: format.name, mode, streamed: false, runs: RUNS, seed: seed() }),
          ).toBe(RUNS);
        },
        TIMEOUT,
      );
      if (format.parseFile !== undefined)
        it(
          `${format.name}: ${mode} inputs, streamed from a file`,
          async () => {
            expect(
              await runner.run({ format: format.name, mode, streamed: true, runs: RUNS, seed: seed() }),
            ).toBe(RUNS);
          },
          TIMEOUT,
        );
    }
});
