import { describe, expect, it } from 'vitest';
import { boardColumns, matrixRows, splitParts, timelineLayout, wouldCycle } from './plan.ts';
import type { PlanItem, TimelineEntry } from './types.ts';

const item = (id: string, over: Partial<PlanItem> = {}): PlanItem => ({
  id,
  title: id,
  sources: [],
  priority: 50,
  effort: 'M',
  impact: 'high',
  kind: 'strategic-project',
  owner: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  dueDate: '2026-12-01T00:00:00.000Z',
  status: 'open',
  dependencies: [],
  origin: 'generated',
  edits: {},
  sourceResolved: false,
  ...over,
});

describe('boardColumns', () => {
  it('has every status column, cards by priority then due date', () => {
    const columns = boardColumns([
      item('a', { priority: 20 }),
      item('b', { priority: 80 }),
      item('c', { priority: 80, dueDate: '2026-11-15T00:00:00.000Z' }),
      item('d', { status: 'done' }),
    ]);
    expect(columns.map((c) => c.status)).toEqual([
      'open',
      'in-progress',
      'blocked',
      'done',
      'source-resolved',
    ]);
    expect(columns[0]?.items.map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect(columns[3]?.items.map((i) => i.id)).toEqual(['d']);
  });
});

describe('matrixRows', () => {
  it('fills the 3 × 3 grid, high impact first, missing cells empty', () => {
    const rows = matrixRows([{ impact: 'high', effort: 'S', kind: 'quick-win', count: 2, ids: ['a', 'b'] }]);
    expect(rows.map((r) => r.impact)).toEqual(['high', 'medium', 'low']);
    expect(rows[0]?.cells.map((c) => [c.effort, c.count])).toEqual([
      ['S', 2],
      ['M', 0],
      ['L', 0],
    ]);
  });
});

describe('timelineLayout', () => {
  const entry = (id: string, start: string, due: string, status = 'open'): TimelineEntry => ({
    id,
    title: id,
    start,
    due,
    status,
    dependencies: [],
    dependencyConflict: start > due,
  });
  it('places bars, months and today on one axis', () => {
    const layout = timelineLayout(
      [
        entry('a', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'),
        entry('b', '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z'),
      ],
      new Date('2026-11-16T12:00:00Z'),
    );
    expect(layout.from.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(layout.to.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(layout.bars[0]?.left).toBe(0);
    expect(layout.bars[1]?.left).toBeCloseTo((30 / 61) * 100, 5);
    expect(layout.bars[1]?.width).toBeCloseTo((31 / 61) * 100, 5);
    expect(layout.months.map((m) => m.at.toISOString().slice(0, 10))).toEqual(['2026-12-01', '2027-01-01']);
    expect(layout.today).toBeCloseTo((15.5 / 61) * 100, 5);
  });

  it('marks open items past due as overdue, and is safe with no entry', () => {
    const now = new Date('2026-12-15T00:00:00Z');
    const layout = timelineLayout(
      [
        entry('a', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'),
        entry('b', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', 'done'),
      ],
      now,
    );
    expect(layout.bars.map((b) => b.overdue)).toEqual([true, false]);
    expect(layout.today).toBe(undefined);
    expect(timelineLayout([], now).bars).toEqual([]);
  });
});

describe('splitParts and wouldCycle', () => {
  const split = item('x', {
    sources: [
      { kind: 'finding', id: 'f1', title: 'f1', priority: 40 },
      { kind: 'finding', id: 'f2', title: 'f2', priority: 40 },
      { kind: 'gap', id: 'urn:a', title: 'a', priority: 60 },
    ],
  });
  it('groups sources by chosen part, needing two parts', () => {
    expect(splitParts(split, { 'finding:f2': 2 })).toEqual([
      { sources: ['finding:f1', 'gap:urn:a'] },
      { sources: ['finding:f2'] },
    ]);
    expect(splitParts(split, {})).toBe(undefined);
    expect(splitParts(split, { 'finding:f1': 3, 'finding:f2': 3, 'gap:urn:a': 3 })).toBe(undefined);
  });

  it('sees a dependency loop before the server refuses it', () => {
    const items = [item('a', { dependencies: ['b'] }), item('b', { dependencies: ['c'] }), item('c')];
    expect(wouldCycle(items, 'c', 'a')).toBe(true);
    expect(wouldCycle(items, 'a', 'c')).toBe(false);
    expect(wouldCycle(items, 'a', 'a')).toBe(true);
  });
});
