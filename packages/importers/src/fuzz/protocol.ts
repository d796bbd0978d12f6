/** What the fuzz test asks of its worker thread, and what it answers. */
export interface FuzzJob {
  readonly format: string;
  /** `random`: inputs made from nothing; `mutated`: the format's seeds, mutated. */
  readonly mode: 'random' | 'mutated';
  /** Through `importFile` (the streaming path of SARIF and Nmap) rather than `parseContent`. */
  readonly streamed: boolean;
  readonly runs: number;
  readonly seed: number;
}

export type FuzzReply =
  { readonly ok: true; readonly runs: number } | { readonly ok: false; readonly report: string };

/** Shared memory the worker writes before each input, so a hang can be reported with the input that caused it. */
export const INPUT_CAPACITY = 1024 * 1024;
export interface FuzzShared {
  /** Int32 [0]: inputs started so far. */
  readonly progress: SharedArrayBuffer;
  /** Int32 length, then the input's UTF-8 bytes (cut at INPUT_CAPACITY). */
  readonly input: SharedArrayBuffer;
  /** Where streamed inputs are written (removed by the runner when it closes). */
  readonly scratch: string;
}
