import { setFlagsFromString } from 'node:v8';

/**
 * Files at least this large are parsed with the young generation held (below, it never grows much anyway).
 */
export const HOLD_FROM_BYTES = 16 * 1024 * 1024;

// V8's own default: the young generation doubles when it grows.
const DEFAULT_GROWTH = 2;
let holders = 0;

/**
 * Runs `work` with V8's young generation held at its current size. A large log keeps hundreds of thousands of
 * findings alive while it is parsed; V8 takes that survival rate as a reason to grow its semi-spaces, to 128 MB on
 * the 196 MB benchmark log, which the process then holds as resident memory for nothing (a third of the file's
 * size). V8 reads `--semi-space-growth-factor` each time it would grow them, so setting it to 1 for the parse stops
 * the growth without a process-wide flag: peak RSS of that import went from 2.30× to 1.76× the file, at the same
 * speed (`npm run bench -- importers`). The default factor is restored when the last concurrent holder ends; a
 * young generation that had already grown before (a long-running server) is not shrunk by this.
 */
export async function withYoungGenerationHeld<T>(work: () => Promise<T>): Promise<T> {
  if (holders === 0) setFlagsFromString('--semi-space-growth-factor=1');
  holders += 1;
  try {
    return await work();
  } finally {
    holders -= 1;
    if (holders === 0) setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH}`);
  }
}

/** How many parses hold the young generation now (for tests). */
export function youngGenerationHolders(): number {
  return holders;
}
