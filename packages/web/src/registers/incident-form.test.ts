import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyIncident, incidentBody, incidentDraftOf, instantOf, localInput } from './incident-form.ts';
import type { IncidentView } from './types.ts';

const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Paris';
});
afterAll(() => {
  process.env.TZ = zone;
});

describe('incident form times', () => {
  it('shows instants in the browser time zone and reads them back', () => {
    expect(localInput('2026-11-23T08:20:00Z')).toBe('2026-11-23T09:20');
    expect(instantOf('2026-11-23T09:20')).toBe('2026-11-23T08:20:00.000Z');
    expect(localInput(null)).toBe('');
    expect(instantOf('')).toBe(undefined);
    expect(instantOf('yesterday')).toBe('yesterday');
  });
});

describe('incident body', () => {
  it('sends a new incident with only what is known', () => {
    const draft = {
      ...emptyIncident(new Date('2026-11-23T08:20:00Z')),
      title: 'Gateway down',
      'impact.criticalServicesAffected': 'true',
      'impact.clients.affected': '1200',
      'impact.clients.total': ' 10000 ',
      'impact.reputational.mediaAttention': 'true',
      'impact.dataLosses.adverseImpact': 'false',
      'impact.memberStatesImpacted': 'fr, de;it',
    };
    expect(incidentBody(draft)).toEqual({
      title: 'Gateway down',
      status: 'open',
      occurredAt: '2026-11-23T08:20:00.000Z',
      awareAt: '2026-11-23T08:20:00.000Z',
      classifiedAt: null,
      initialSentAt: null,
      intermediateSentAt: null,
      finalSentAt: null,
      impact: {
        criticalServicesAffected: true,
        clients: { affected: 1200, total: 10000 },
        reputational: { mediaAttention: true },
        dataLosses: { adverseImpact: false },
        memberStatesImpacted: ['FR', 'DE', 'IT'],
      },
    });
  });

  it('round-trips a stored incident', () => {
    const stored = {
      title: 'Wallet outage',
      status: 'closed',
      occurredAt: '2026-09-14T08:20:00.000Z',
      awareAt: '2026-09-14T09:00:00.000Z',
      classifiedAt: '2026-09-14T10:00:00.000Z',
      initialSentAt: null,
      intermediateSentAt: null,
      finalSentAt: null,
      impact: {
        criticalServicesAffected: true,
        clients: { affected: 5 },
        reputational: {},
        dataLosses: { maliciousUnauthorisedAccess: true },
        durationHours: 3.5,
      },
    } as unknown as IncidentView;
    const draft = incidentDraftOf(stored);
    expect(draft['impact.durationHours']).toBe('3.5');
    expect(draft['impact.dataLosses.maliciousUnauthorisedAccess']).toBe('true');
    expect(draft['impact.reputational.mediaAttention']).toBe('');
    expect(incidentBody(draft)).toMatchObject({
      status: 'closed',
      awareAt: '2026-09-14T09:00:00.000Z',
      classifiedAt: '2026-09-14T10:00:00.000Z',
      impact: {
        criticalServicesAffected: true,
        clients: { affected: 5 },
        reputational: {},
        dataLosses: { maliciousUnauthorisedAccess: true },
        durationHours: 3.5,
      },
    });
  });

  it('sends a text that is not a number as typed, for the server to name the field', () => {
    const draft = { ...emptyIncident(new Date()), 'impact.economicImpactEUR': 'a lot', occurredAt: '' };
    const body = incidentBody(draft) as { occurredAt: unknown; impact: { economicImpactEUR: unknown } };
    expect(body.impact.economicImpactEUR).toBe('a lot');
    expect(body.occurredAt).toBe('');
  });
});
