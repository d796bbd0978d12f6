import { describe, expect, it } from 'vitest';
import { bar, ProgressLine, renderProgress, type ProgressState } from './import-progress.ts';

const parsing: ProgressState = {
  phase: 'parse',
  label: 'reports/semgrep-large.sarif',
  bytesRead: 90 * 1024 * 1024,
  totalBytes: 200 * 1024 * 1024,
  findings: 135_000,
  elapsedMs: 3000,
};
const storing: ProgressState = { phase: 'store', done: 150_000, total: 600_000, elapsedMs: 5000 };

describe('renderProgress', () => {
  it('shows bytes read of the total, findings so far and the rate on a wide terminal', () => {
    expect(renderProgress(parsing, 100)).toBe(
      '…/semgrep-large.sarif [##########------------]  45% · 90.0/200.0 MiB · 135,000 findings · 30.0 MiB/s',
    );
  });

  it('drops details, then the bar, as the terminal narrows, and never exceeds its width', () => {
    expect(renderProgress(parsing, 60)).toBe('…-large.sarif [##########------------]  45% · 90.0/200.0 MiB');
    expect(renderProgress(parsing, 40)).toBe('…large.sarif [#########-----------]  45%');
    expect(renderProgress(parsing, 20)).toBe('…ep-large.sarif  45%');
    for (let width = 10; width <= 160; width += 1)
      for (const state of [parsing, storing])
        expect(renderProgress(state, width).length).toBeLessThanOrEqual(width);
  });

  it('shows the storing phase as findings written of the total', () => {
    expect(renderProgress(storing, 79)).toBe(
      'storing [############----------------------------------]  25% · 150,000/600,000',
    );
    expect(renderProgress(storing, 12)).toBe('storing  25%');
  });

  it('treats an empty file as complete and clamps overshoot', () => {
    expect(renderProgress({ ...parsing, bytesRead: 0, totalBytes: 0 }, 40)).toContain('100%');
    expect(renderProgress({ ...storing, done: 700_000 }, 40)).toContain('100%');
    expect(bar(2, 6)).toBe('[####]');
    expect(bar(-1, 6)).toBe('[----]');
  });
});

describe('ProgressLine', () => {
  it('redraws in place at most every 100 ms unless forced, and clears its line when done', () => {
    let clock = 0;
    const out: string[] = [];
    const line = new ProgressLine(
      (text) => out.push(text),
      41,
      () => clock,
    );
    line.update(storing);
    clock = 50;
    line.update({ ...storing, done: 300_000 });
    line.update({ ...storing, done: 400_000 }, true);
    clock = 200;
    line.update((elapsedMs) => ({ ...storing, done: 600_000, elapsedMs }));
    line.done();
    line.done();
    expect(out).toEqual([
      '\rstoring [######-------------------]  25%\x1b[K',
      '\rstoring [#################--------]  66%\x1b[K',
      '\rstoring [#########################] 100%\x1b[K',
      '\r\x1b[K',
    ]);
  });
});
