/** Small helpers shared by the benchmarks: timing, percentiles and printing a ratio to a baseline. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Runs `fn` `iterations` times and returns the durations in milliseconds. */
export function timeEach(iterations: number, fn: (i: number) => void): number[] {
  const durations: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn(i);
    durations.push(performance.now() - start);
  }
  return durations;
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function fmt(value: number, digits = 1): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
