/**
 * The progress bar of `mica-audit import` on a terminal's stderr: `renderProgress` is pure (one line for a given
 * width), `ProgressLine` redraws it in place at most ten times a second and clears it when done.
 */

export type ProgressState =
  | {
      readonly phase: 'parse';
      /** The file being read. */
      readonly label: string;
      readonly bytesRead: number;
      readonly totalBytes: number;
      readonly findings: number;
      readonly elapsedMs: number;
    }
  | { readonly phase: 'store'; readonly done: number; readonly total: number; readonly elapsedMs: number };

const MIB = 1024 * 1024;
const number = new Intl.NumberFormat('en');

function mib(bytes: number): string {
  return (bytes / MIB).toFixed(1);
}

/** `[#####-----]` of exactly `width` columns (at least the two brackets). */
export function bar(fraction: number, width: number): string {
  const inner = Math.max(0, width - 2);
  const full = Math.round(Math.max(0, Math.min(1, fraction)) * inner);
  return `[${'#'.repeat(full)}${'-'.repeat(inner - full)}]`;
}

/** Cuts a label to `width` columns, keeping its end (the file name), with `…` where it was cut. */
function fit(label: string, width: number): string {
  if (width <= 0) return '';
  return label.length <= width ? label : `…${label.slice(label.length - width + 1)}`;
}

/**
 * One line of at most `width` columns: label, bar, percentage, then as many details as fit (bytes read / total,
 * findings so far, rate). Narrow terminals lose the details first, then the bar.
 */
export function renderProgress(state: ProgressState, width: number): string {
  const seconds = Math.max(state.elapsedMs, 1) / 1000;
  const fraction =
    state.phase === 'parse'
      ? state.totalBytes === 0
        ? 1
        : state.bytesRead / state.totalBytes
      : state.total === 0
        ? 1
        : state.done / state.total;
  const percent = `${String(Math.floor(Math.min(1, fraction) * 100)).padStart(3)}%`;
  const label = state.phase === 'parse' ? state.label : 'storing';
  const details =
    state.phase === 'parse'
      ? [
          `${mib(state.bytesRead)}/${mib(state.totalBytes)} MiB`,
          `${number.format(state.findings)} findings`,
          `${mib(state.bytesRead / seconds)} MiB/s`,
        ]
      : [`${number.format(state.done)}/${number.format(state.total)}`];
  // Keep the details that fit beside a label of 12 columns and a bar of 12.
  let tail = ` ${percent}`;
  for (const detail of details) {
    if (12 + 1 + 12 + tail.length + 3 + detail.length > width) break;
    tail += ` · ${detail}`;
  }
  const room = width - tail.length;
  if (room < 12 + 1 + 4) return `${fit(label, room)}${tail}`.slice(0, width);
  const labelWidth = Math.min(label.length, Math.max(12, room - 1 - 24));
  return `${fit(label, labelWidth).padEnd(labelWidth)} ${bar(fraction, room - labelWidth - 1)}${tail}`;
}

/** Redraws one progress line in place on a terminal; `done()` clears it. */
export class ProgressLine {
  private readonly write: (text: string) => void;
  private readonly columns: number;
  private readonly now: () => number;
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private shown = false;

  constructor(write: (text: string) => void, columns: number, now: () => number = () => performance.now()) {
    this.write = write;
    // The last column stays free: writing into it makes some terminals wrap.
    this.columns = Math.max(20, columns - 1);
    this.now = now;
    this.started = now();
  }

  /** Draws the state unless the last draw was under 100 ms ago (`force` draws anyway: a phase starts or ends). */
  update(state: ProgressState | ((elapsedMs: number) => ProgressState), force = false): void {
    const at = this.now();
    if (!force && at - this.lastDraw < 100) return;
    this.lastDraw = at;
    const value = typeof state === 'function' ? state(at - this.started) : state;
    this.write(`\r${renderProgress(value, this.columns)}\x1b[K`);
    this.shown = true;
  }

  /** Removes the line, so what is printed next starts at the left margin. */
  done(): void {
    if (this.shown) this.write('\r\x1b[K');
    this.shown = false;
  }
}
