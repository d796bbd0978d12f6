import { malformed } from '../../errors.ts';

/** Callbacks of the splitter: each receives the raw bytes of one JSON value and its absolute byte offset. */
export interface SplitHandlers {
  topValue(key: string, bytes: Buffer, offset: number): void;
  runStart(run: number): void;
  runValue(run: number, key: string, bytes: Buffer, offset: number): void;
  /** `count` consecutive elements of `runs[run].results` from `first`, as the bytes between them (commas included). */
  results(run: number, first: number, count: number, bytes: Buffer, offset: number): void;
  runEnd(run: number): void;
}

type Expect = 'value' | 'key' | 'colon' | 'next' | 'end';
type Target = 'top' | 'run' | 'result';

const enum_ = { OBJ: 1, ARR: 2 } as const;

/** Results are parsed in batches of about this many bytes: few JSON.parse calls, never the whole array. */
const BATCH_BYTES = 1 << 16;

/**
 * Cuts a SARIF log into its small pieces in one pass over the bytes, tracking strings and nesting depth, so that
 * the whole document is never one object graph: each `runs[].results[]` element, each other run property (`tool`,
 * `artifacts`…) and each top-level property is handed over as bytes to be JSON.parse'd on its own.
 * Feed it chunks in order, then call `end()`. A chunk may be reused once `feed` returns; bytes handed to a handler
 * are only valid during that call.
 */
export class SarifSplitter {
  private readonly h: SplitHandlers;
  private readonly stack: number[] = [];
  private expect: Expect = 'value';
  private justOpened = false;
  private base = 0;
  private key1 = '';
  private key3 = '';
  private run = -1;
  private resultIndex = -1;
  // string state
  private inString = false;
  private backslashes = 0;
  private stringIsKey = false;
  // capture state
  private capturing = false;
  private capDepth = 0;
  private capPrimitive = false;
  private capTarget: Target = 'top';
  private capStart = 0;
  private capOffset = 0;
  private depth = 0;
  private pieces: Buffer[] = [];
  // consecutive results inside the current chunk, handed over together (at most BATCH_BYTES)
  private chunk: Buffer = Buffer.alloc(0);
  private batchStart = -1;
  private batchEnd = 0;
  private batchFirst = 0;
  private batchCount = 0;
  private batchOffset = 0;

  constructor(handlers: SplitHandlers) {
    this.h = handlers;
  }

  feed(chunk: Buffer): void {
    const n = chunk.length;
    let i = 0;
    this.chunk = chunk;
    if (this.capturing || this.stringIsKey) this.capStart = 0;
    while (i < n) {
      if (this.inString) {
        i = this.scanString(chunk, i);
        continue;
      }
      if (this.capturing && !this.capPrimitive) {
        let d = this.depth;
        let c = 0;
        for (; i < n; i++) {
          c = chunk[i] as number;
          if (c === 0x22) break;
          if (c === 0x7b || c === 0x5b) d++;
          else if ((c === 0x7d || c === 0x5d) && --d === this.capDepth) break;
        }
        this.depth = d;
        if (i >= n) break;
        i++;
        if (c === 0x22) {
          this.inString = true;
          this.backslashes = 0;
        } else this.finishCapture(chunk, i);
        continue;
      }
      i = this.skeleton(chunk, i);
    }
    this.flush();
    // Copy the unfinished piece: the caller may reuse the chunk buffer for the next read.
    if (this.capturing || (this.inString && this.stringIsKey))
      this.pieces.push(Buffer.from(chunk.subarray(this.capStart)));
    this.base += n;
  }

  end(): void {
    if (this.capturing && this.capPrimitive) this.finishCapture(Buffer.alloc(0), 0);
    if (this.inString || this.capturing || this.stack.length > 0 || this.expect !== 'end') {
      throw malformed('sarif', `offset ${this.base}`, 'unexpected end of the file (truncated JSON)');
    }
  }

  /** Scans to the closing quote with indexOf; counts backslashes so that `\"` does not end the string. */
  private scanString(chunk: Buffer, from: number): number {
    let i = from;
    for (;;) {
      const q = chunk.indexOf(0x22, i);
      if (q === -1) {
        let k = chunk.length - 1;
        while (k >= i && chunk[k] === 0x5c) k--;
        const run = chunk.length - 1 - k;
        this.backslashes = k < i ? this.backslashes + run : run;
        return chunk.length;
      }
      let k = q - 1;
      while (k >= i && chunk[k] === 0x5c) k--;
      const run = q - 1 - k + (k < i ? this.backslashes : 0);
      this.backslashes = 0;
      if (run % 2 === 1) {
        i = q + 1;
        continue;
      }
      this.inString = false;
      if (this.stringIsKey) this.finishKey(chunk, q);
      else if (this.capturing && this.capPrimitive) this.finishCapture(chunk, q + 1);
      return q + 1;
    }
  }

  private fail(at: number, reason: string): never {
    throw malformed('sarif', `offset ${this.base + at}`, reason);
  }

  private skeleton(chunk: Buffer, i: number): number {
    const c = chunk[i] as number;
    if (this.capturing) {
      // a primitive (number, true, false, null) ends at a delimiter
      if (c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        this.finishCapture(chunk, i);
        return i;
      }
      return i + 1;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) return i + 1;
    if (i === 0 && this.base === 0 && c === 0xef) return 3; // UTF-8 BOM
    const top = this.stack.at(-1);
    const d = this.stack.length;
    switch (this.expect) {
      case 'value': {
        if (c === 0x5d && top === enum_.ARR && this.justOpened) return this.close(i, c);
        this.justOpened = false;
        if (d === 0) {
          if (c !== 0x7b) this.fail(i, 'a SARIF log is a JSON object');
          return this.open(i, enum_.OBJ);
        }
        if (d === 1 && this.key1 === 'runs' && c === 0x5b) return this.open(i, enum_.ARR);
        if (d === 2) {
          if (c !== 0x7b) this.fail(i, 'each element of "runs" must be an object');
          this.run++;
          this.resultIndex = -1;
          this.h.runStart(this.run);
          return this.open(i, enum_.OBJ);
        }
        if (d === 3 && this.key3 === 'results' && c === 0x5b) return this.open(i, enum_.ARR);
        if (d === 1 && this.key1 === 'runs') this.fail(i, '"runs" must be an array');
        const target: Target = d === 1 ? 'top' : d === 3 ? 'run' : 'result';
        if (target === 'result') this.resultIndex++;
        return this.startCapture(i, c, target);
      }
      case 'key':
        if (c === 0x7d && this.justOpened) return this.close(i, c);
        if (c !== 0x22) this.fail(i, 'expected a property name in double quotes');
        this.justOpened = false;
        this.inString = true;
        this.stringIsKey = true;
        this.backslashes = 0;
        this.capStart = i + 1;
        this.pieces = [];
        return i + 1;
      case 'colon':
        if (c !== 0x3a) this.fail(i, "expected ':' after a property name");
        this.expect = 'value';
        return i + 1;
      case 'next':
        if (c === 0x2c) {
          this.expect = top === enum_.OBJ ? 'key' : 'value';
          return i + 1;
        }
        if (c === 0x7d || c === 0x5d) return this.close(i, c);
        return this.fail(i, "expected ',' or a closing bracket");
      case 'end':
        return this.fail(i, 'unexpected data after the end of the JSON document');
    }
  }

  private open(i: number, kind: number): number {
    this.stack.push(kind);
    this.expect = kind === enum_.OBJ ? 'key' : 'value';
    this.justOpened = true;
    return i + 1;
  }

  private close(i: number, c: number): number {
    const top = this.stack.pop();
    if ((c === 0x7d) !== (top === enum_.OBJ)) this.fail(i, 'mismatched closing bracket');
    this.justOpened = false;
    if (this.stack.length === 2 && top === enum_.OBJ) {
      this.flush();
      this.h.runEnd(this.run);
    }
    this.expect = this.stack.length === 0 ? 'end' : 'next';
    return i + 1;
  }

  private startCapture(i: number, c: number, target: Target): number {
    this.capturing = true;
    this.capTarget = target;
    this.capStart = i;
    this.capOffset = this.base + i;
    this.capDepth = this.stack.length;
    this.pieces = [];
    if (c === 0x7b || c === 0x5b) {
      this.capPrimitive = false;
      this.depth = this.stack.length + 1;
    } else if (c === 0x22) {
      this.capPrimitive = true;
      this.inString = true;
      this.stringIsKey = false;
      this.backslashes = 0;
    } else {
      this.capPrimitive = true;
    }
    return i + 1;
  }

  private take(chunk: Buffer, end: number): Buffer {
    const last = chunk.subarray(this.capStart, end);
    if (this.pieces.length === 0) return last;
    this.pieces.push(last);
    const all = Buffer.concat(this.pieces);
    this.pieces = [];
    return all;
  }

  private finishCapture(chunk: Buffer, end: number): void {
    const spanned = this.pieces.length > 0;
    const start = this.capStart;
    const bytes = this.take(chunk, end);
    this.capturing = false;
    this.capPrimitive = false;
    this.expect = 'next';
    if (this.capTarget === 'result' && !spanned) {
      if (this.batchStart < 0) {
        this.batchStart = start;
        this.batchFirst = this.resultIndex;
        this.batchOffset = this.capOffset;
        this.batchCount = 0;
      }
      this.batchEnd = end;
      this.batchCount++;
      if (this.batchEnd - this.batchStart >= BATCH_BYTES) this.flush();
      return;
    }
    this.flush();
    if (this.capTarget === 'top') this.h.topValue(this.key1, bytes, this.capOffset);
    else if (this.capTarget === 'run') this.h.runValue(this.run, this.key3, bytes, this.capOffset);
    else this.h.results(this.run, this.resultIndex, 1, bytes, this.capOffset);
  }

  private flush(): void {
    if (this.batchStart < 0) return;
    const bytes = this.chunk.subarray(this.batchStart, this.batchEnd);
    this.batchStart = -1;
    this.h.results(this.run, this.batchFirst, this.batchCount, bytes, this.batchOffset);
  }

  private finishKey(chunk: Buffer, q: number): void {
    const raw = this.take(chunk, q).toString('utf8');
    let key = raw;
    if (raw.includes('\\'))
      try {
        key = JSON.parse(`"${raw}"`) as string;
      } catch (cause) {
        this.fail(
          q,
          `a key has an invalid escape (${cause instanceof Error ? cause.message : String(cause)})`,
        );
      }
    this.stringIsKey = false;
    if (this.stack.length === 1) this.key1 = key;
    else this.key3 = key;
    this.expect = 'colon';
  }
}
