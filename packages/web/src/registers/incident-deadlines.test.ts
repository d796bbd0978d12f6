import { describe, expect, it } from 'vitest';
import { nextDeadline, splitDuration } from './incident-deadlines.ts';

const now = new Date('2026-11-23T10:00:00Z');
const none = { initialSentAt: null, intermediateSentAt: null, finalSentAt: null };
const deadlines = {
  initialDue: '2026-11-23T12:00:00.000Z',
  intermediateDue: null,
  finalDue: null,
};

describe('nextDeadline', () => {
  it('has none for an incident that is not major or not classified yet', () => {
    expect(nextDeadline({ ...none, deadlines: null }, now)).toBe(undefined);
  });

  it('gives the initial notification first, with the time left', () => {
    const next = nextDeadline({ ...none, deadlines }, now);
    expect(next?.report).toBe('initial');
    expect(next?.due.toISOString()).toBe('2026-11-23T12:00:00.000Z');
    expect(next?.remainingMs).toBe(2 * 3600 * 1000);
  });

  it('moves on to the intermediate report once the initial one is sent', () => {
    const next = nextDeadline(
      {
        ...none,
        initialSentAt: '2026-11-23T09:00:00.000Z',
        deadlines: { ...deadlines, intermediateDue: '2026-11-26T09:00:00.000Z' },
      },
      now,
    );
    expect(next?.report).toBe('intermediate');
    expect(next?.due.toISOString()).toBe('2026-11-26T09:00:00.000Z');
  });

  it('is negative when overdue, and done once the final report is sent', () => {
    const late = nextDeadline(
      { ...none, deadlines: { ...deadlines, initialDue: '2026-11-23T09:30:00Z' } },
      now,
    );
    expect(late?.remainingMs).toBe(-30 * 60 * 1000);
    const sent = '2026-11-23T09:00:00.000Z';
    expect(
      nextDeadline({ initialSentAt: sent, intermediateSentAt: sent, finalSentAt: sent, deadlines }, now),
    ).toBe(undefined);
  });
});

describe('splitDuration', () => {
  it('splits a span into days, hours, minutes and seconds', () => {
    expect(splitDuration((2 * 86_400 + 3 * 3600 + 4 * 60 + 5) * 1000 + 999)).toEqual({
      days: 2,
      hours: 3,
      minutes: 4,
      seconds: 5,
    });
    expect(splitDuration(-61_000)).toEqual({ days: 0, hours: 0, minutes: 1, seconds: 1 });
  });
});
