import { describe, expect, it } from 'vitest';
import { incidentDeadlines, incidentDeadlinesInputSchema, MEMBER_STATE_TIME_ZONES } from './deadlines.ts';

const d = (iso: string) => new Date(iso);
const iso = (value: Date | null) => value?.toISOString() ?? null;
const run = (input: Parameters<typeof incidentDeadlines>[0]) => {
  const r = incidentDeadlines(input);
  return {
    initialDue: iso(r.initialDue),
    intermediateDue: iso(r.intermediateDue),
    finalDue: iso(r.finalDue),
  };
};

describe('golden scenario: weekday incident, all three reports', () => {
  it('runs 4 h from classification, 72 h from the initial notification, one month from the intermediate report', () => {
    expect(
      run({
        awareAt: d('2026-03-10T08:00:00Z'),
        classifiedAt: d('2026-03-10T10:00:00Z'),
        initialSentAt: d('2026-03-10T13:30:00Z'),
        intermediateSentAt: d('2026-03-13T12:00:00Z'),
      }),
    ).toEqual({
      initialDue: '2026-03-10T14:00:00.000Z',
      intermediateDue: '2026-03-13T13:30:00.000Z',
      finalDue: '2026-04-13T12:00:00.000Z',
    });
  });

  it('leaves later deadlines null until the earlier report is sent', () => {
    expect(run({ awareAt: d('2026-03-10T08:00:00Z'), classifiedAt: d('2026-03-10T10:00:00Z') })).toEqual({
      initialDue: '2026-03-10T14:00:00.000Z',
      intermediateDue: null,
      finalDue: null,
    });
  });
});

describe('golden scenario: classification late in the first 24 hours', () => {
  it('caps the initial notification at 24 h after awareness', () => {
    const r = run({ awareAt: d('2026-03-09T08:00:00Z'), classifiedAt: d('2026-03-10T06:00:00Z') });
    expect(r.initialDue).toBe('2026-03-10T08:00:00.000Z');
  });
});

describe('golden scenario: classification after the first 24 hours (Art. 5(2))', () => {
  it('gives four hours from the classification', () => {
    const r = run({ awareAt: d('2026-03-09T08:00:00Z'), classifiedAt: d('2026-03-11T09:00:00Z') });
    expect(r.initialDue).toBe('2026-03-11T13:00:00.000Z');
  });
});

describe('golden scenario: French CASP classifies on a Saturday', () => {
  const input = {
    awareAt: d('2026-03-13T20:00:00Z'),
    classifiedAt: d('2026-03-14T09:00:00Z'),
    timeZone: 'Europe/Paris',
  };

  it('moves the initial notification to noon (Paris) of Monday', () => {
    expect(run(input).initialDue).toBe('2026-03-16T11:00:00.000Z');
  });

  it('keeps the Saturday deadline for entities excluded by Art. 5(5) and when the authority disapplies it', () => {
    expect(run({ ...input, weekendRule: 'final-report-only' }).initialDue).toBe('2026-03-14T13:00:00.000Z');
    expect(run({ ...input, weekendRule: 'none' }).initialDue).toBe('2026-03-14T13:00:00.000Z');
  });
});

describe('golden scenario: deadlines on a bank holiday and a weekend in May (CEST)', () => {
  const base = {
    awareAt: d('2026-03-31T08:00:00Z'),
    classifiedAt: d('2026-03-31T09:00:00Z'),
    initialSentAt: d('2026-04-29T10:00:00Z'),
    timeZone: 'Europe/Paris',
  };

  it('moves an intermediate report due on Saturday to Monday noon', () => {
    expect(run(base).intermediateDue).toBe('2026-05-04T10:00:00.000Z');
  });

  it('moves a final report due on 1 May only when 1 May is listed as a holiday', () => {
    const withIntermediate = {
      ...base,
      initialSentAt: d('2026-03-31T10:00:00Z'),
      intermediateSentAt: d('2026-04-01T09:00:00Z'),
    };
    expect(run(withIntermediate).finalDue).toBe('2026-05-01T09:00:00.000Z');
    expect(run({ ...withIntermediate, holidays: ['2026-05-01'] }).finalDue).toBe('2026-05-04T10:00:00.000Z');
    expect(
      run({ ...withIntermediate, holidays: ['2026-05-01'], weekendRule: 'final-report-only' }).finalDue,
    ).toBe('2026-05-04T10:00:00.000Z');
  });
});

describe('golden scenario: final report one month after 31 January', () => {
  const input = {
    awareAt: d('2026-01-27T08:00:00Z'),
    classifiedAt: d('2026-01-27T09:00:00Z'),
    initialSentAt: d('2026-01-27T10:00:00Z'),
    intermediateSentAt: d('2026-01-31T10:00:00Z'),
  };

  it('clamps to the last day of February, then applies the weekend rule', () => {
    expect(run({ ...input, weekendRule: 'none' }).finalDue).toBe('2026-02-28T10:00:00.000Z');
    expect(run(input).finalDue).toBe('2026-03-02T12:00:00.000Z');
  });
});

describe('invalid timelines', () => {
  const aware = d('2026-03-10T08:00:00Z');

  it('rejects a classification before awareness', () => {
    expect(() => incidentDeadlines({ awareAt: aware, classifiedAt: d('2026-03-10T07:59:00Z') })).toThrow(
      expect.objectContaining({ code: 'incident.invalid_timeline', path: 'classifiedAt' }),
    );
  });

  it('rejects reports dated before what triggers them', () => {
    const classifiedAt = d('2026-03-10T09:00:00Z');
    expect(() =>
      incidentDeadlines({ awareAt: aware, classifiedAt, initialSentAt: d('2026-03-10T08:30:00Z') }),
    ).toThrow(expect.objectContaining({ code: 'incident.invalid_timeline', path: 'initialSentAt' }));
    expect(() =>
      incidentDeadlines({ awareAt: aware, classifiedAt, intermediateSentAt: d('2026-03-11T08:30:00Z') }),
    ).toThrow(expect.objectContaining({ code: 'incident.invalid_timeline', path: 'intermediateSentAt' }));
    expect(() =>
      incidentDeadlines({
        awareAt: aware,
        classifiedAt,
        initialSentAt: d('2026-03-10T10:00:00Z'),
        intermediateSentAt: d('2026-03-10T09:30:00Z'),
      }),
    ).toThrow(expect.objectContaining({ code: 'incident.invalid_timeline' }));
  });

  it('rejects bad holidays and time zones', () => {
    expect(() =>
      incidentDeadlines({ awareAt: aware, classifiedAt: aware, holidays: ['01/05/2026'] }),
    ).toThrow(expect.objectContaining({ code: 'incident.invalid_holiday', path: 'holidays[0]' }));
    expect(() =>
      incidentDeadlines({ awareAt: aware, classifiedAt: aware, timeZone: 'Mars/Olympus' }),
    ).toThrow(expect.objectContaining({ code: 'incident.invalid_time_zone' }));
  });
});

describe('golden scenario: JSON input across the spring clock change in Paris', () => {
  it('parses the edge schema and keeps the local time of day over the one-month period', () => {
    const input = incidentDeadlinesInputSchema.parse({
      awareAt: '2026-03-16T08:00:00Z',
      classifiedAt: '2026-03-16T09:00:00Z',
      initialSentAt: '2026-03-16T12:00:00Z',
      intermediateSentAt: '2026-03-20T10:00:00Z',
      holidays: ['2026-04-06'],
      timeZone: MEMBER_STATE_TIME_ZONES.FR,
    });
    expect(run(input)).toEqual({
      initialDue: '2026-03-16T13:00:00.000Z',
      intermediateDue: '2026-03-19T12:00:00.000Z',
      finalDue: '2026-04-20T09:00:00.000Z',
    });
  });
});
