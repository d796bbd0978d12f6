import { describe, expect, it } from 'vitest';
import { nextDeadline } from './incident-deadlines.ts';

const now = new Date('2026-11-23T10:00:00Z'); // a Monday

describe('nextDeadline', () => {
  it('has none for an incident that is not major', () => {
    expect(
      nextDeadline({ occurredAt: '2026-11-23T08:00:00Z', classification: { major: false } }, 'FR', now),
    ).toBe(undefined);
  });

  it('gives the initial notification 4 h after classification', () => {
    const next = nextDeadline(
      {
        occurredAt: '2026-11-23T06:00:00Z',
        classification: { major: true, classifiedAt: '2026-11-23T08:00:00Z' },
      },
      'FR',
      now,
    );
    expect(next?.report).toBe('initial');
    expect(next?.due.toISOString()).toBe('2026-11-23T12:00:00.000Z');
    expect(next?.remainingMs).toBe(2 * 3600 * 1000);
  });

  it('moves on to the intermediate report 72 h after the initial one was sent', () => {
    const next = nextDeadline(
      {
        occurredAt: '2026-11-23T06:00:00Z',
        classification: { major: true, initialSentAt: '2026-11-23T09:00:00Z' },
      },
      'FR',
      now,
    );
    expect(next?.report).toBe('intermediate');
    expect(next?.due.toISOString()).toBe('2026-11-26T09:00:00.000Z');
  });
});
