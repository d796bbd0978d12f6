/**
 * Shared settings of the property-based fuzz tests: `npm test` runs a quick pass, `npm run fuzz` the thorough one
 * (FUZZ_RUNS cases per target, default 10,000).
 */
export const FUZZ_RUNS = Number.parseInt(process.env.FUZZ_RUNS ?? '200', 10);

/** Longest time one input may take before the test calls it a hang. */
export const MAX_MS_PER_INPUT = 2_000;

/** Runs `fn` and fails if it takes longer than the per-input limit. */
export function withinLimit<T>(fn: () => T): T {
  const start = performance.now();
  const result = fn();
  const elapsed = performance.now() - start;
  if (elapsed > MAX_MS_PER_INPUT)
    throw new Error(`one input took ${elapsed.toFixed(0)} ms (limit ${MAX_MS_PER_INPUT} ms)`);
  return result;
}
