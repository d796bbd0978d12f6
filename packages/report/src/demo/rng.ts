/** A small seeded PRNG (mulberry32): the demo and the scaled benchmark data must be the same on every run. */
export type Rng = () => number;

/** Returns a generator of floats in [0, 1) fully determined by `seed`. */
export function rng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
