import { describe, expect, it } from 'vitest';
import { assessIncident, incidentSchema } from './register.ts';

const now = new Date('2026-03-12T12:00:00Z');

describe('golden scenario: ICT incident register of a custody CASP', () => {
  it('tracks report statuses of a major incident', () => {
    const incident = incidentSchema.parse({
      id: 'INC-1',
      title: 'Wallet API outage',
      awareAt: '2026-03-10T08:00:00Z',
      classifiedAt: '2026-03-10T10:00:00Z',
      initialSentAt: '2026-03-10T15:00:00Z',
      impact: { criticalServicesAffected: true, durationHours: 30, economicImpactEUR: 150_000 },
    });
    const assessed = assessIncident(incident, { now });
    expect(assessed.classification.major).toBe(true);
    expect(assessed.deadlines?.intermediateDue?.toISOString()).toBe('2026-03-13T15:00:00.000Z');
    expect(assessed.reports).toEqual({
      initial: 'sent-late',
      intermediate: 'pending',
      final: 'awaiting-previous-report',
    });
  });

  it('flags an overdue initial notification and waits for a missing classification time', () => {
    const base = {
      id: 'INC-2',
      title: 'Intrusion',
      awareAt: '2026-03-11T08:00:00Z',
      impact: { criticalServicesAffected: true, dataLosses: { maliciousUnauthorisedAccess: true } },
    };
    const overdue = assessIncident(incidentSchema.parse({ ...base, classifiedAt: '2026-03-11T09:00:00Z' }), {
      now,
    });
    expect(overdue.reports.initial).toBe('overdue');
    expect(assessIncident(incidentSchema.parse(base), { now }).reports.initial).toBe(
      'awaiting-classification',
    );
  });

  it('requires no report for a minor incident', () => {
    const minor = incidentSchema.parse({
      id: 'INC-3',
      title: 'Printer',
      awareAt: '2026-03-11T08:00:00Z',
      impact: { criticalServicesAffected: false },
    });
    expect(assessIncident(minor, { now })).toMatchObject({
      deadlines: null,
      reports: { initial: 'not-required' },
    });
  });
});
