import { describe, expect, it } from 'vitest';
import { incidentImpactSchema } from './classification.schema.ts';
import { classifyIncident } from './classify.ts';

const classify = (impact: unknown) => classifyIncident(incidentImpactSchema.parse(impact));
const met = (result: ReturnType<typeof classifyIncident>) =>
  Object.fromEntries(result.criteria.map((c) => [c.criterion, c.met]));

describe('golden scenario: exchange matching engine outage across two member states', () => {
  const result = classify({
    criticalServicesAffected: true,
    clients: { affected: 12_000, total: 100_000 },
    durationHours: 30,
    criticalServiceDowntimeHours: 5,
    memberStatesImpacted: ['FR', 'DE'],
    economicImpactEUR: 80_000,
    reputational: {
      mediaAttention: false,
      repetitiveComplaints: false,
      regulatoryRequirementsAtRisk: false,
      clientLossLikely: false,
    },
    dataLosses: { adverseImpact: false, maliciousUnauthorisedAccess: false },
  });

  it('is major through three other thresholds', () => {
    expect(result.major).toBe(true);
    expect(result.determined).toBe(true);
    expect(result.otherThresholdsMet).toBe(3);
    expect(met(result)).toEqual({
      clients: true,
      reputational: false,
      duration: true,
      geographical: true,
      'data-losses': false,
      'malicious-access': false,
      economic: false,
    });
    expect(result.reasons).toEqual([
      'major: critical services affected and 3 other thresholds met (Art. 8(1)(b))',
    ]);
  });

  it('explains each criterion with the figures and the article', () => {
    const clients = result.criteria.find((c) => c.criterion === 'clients');
    expect(clients?.reasons).toEqual(['clients affected: 12 % > 10 % (Art. 9(1)(a))']);
    expect(result.criteria.find((c) => c.criterion === 'economic')?.reasons).toEqual([
      'costs and losses: 80,000 EUR ≤ 100,000 EUR (Art. 9(6))',
    ]);
  });
});

describe('golden scenario: intrusion into the custody signing network', () => {
  it('is major on the malicious-access threshold alone', () => {
    const result = classify({
      criticalServicesAffected: true,
      dataLosses: { maliciousUnauthorisedAccess: true },
    });
    expect(result.major).toBe(true);
    expect(result.reasons[0]).toContain('Art. 8(1)(a)');
  });

  it('counts the intrusion itself as affecting critical services (Art. 6(c))', () => {
    const result = classify({
      criticalServicesAffected: false,
      dataLosses: { maliciousUnauthorisedAccess: true },
    });
    expect(result).toMatchObject({ major: true, criticalServicesAffected: true });
  });
});

describe('golden scenario: back-office outage without critical services', () => {
  it('is not major even with two thresholds met', () => {
    const result = classify({
      criticalServicesAffected: false,
      durationHours: 48,
      economicImpactEUR: 250_000,
    });
    expect(result.major).toBe(false);
    expect(result.determined).toBe(true);
    expect(result.otherThresholdsMet).toBe(2);
  });
});

describe('golden scenario: values exactly at the thresholds', () => {
  it('does not meet "higher than" thresholds at equality, but meets "two or more" member states', () => {
    const result = classify({
      criticalServicesAffected: true,
      clients: {
        affected: 100_000,
        total: 1_000_000,
        counterpartsAffected: 3,
        counterpartsTotal: 10,
        transactionsAffected: 100,
        transactionsDailyAverage: 1000,
        transactionValueAffectedEUR: 10,
        transactionValueDailyAverageEUR: 100,
        relevantAffected: false,
      },
      durationHours: 24,
      criticalServiceDowntimeHours: 2,
      memberStatesImpacted: ['FR', 'BE'],
      economicImpactEUR: 100_000,
      reputational: {
        mediaAttention: false,
        repetitiveComplaints: false,
        regulatoryRequirementsAtRisk: false,
        clientLossLikely: false,
      },
      dataLosses: { adverseImpact: false, maliciousUnauthorisedAccess: false },
    });
    expect(met(result)).toMatchObject({
      clients: false,
      duration: false,
      geographical: true,
      economic: false,
    });
    expect(result.major).toBe(false);
    expect(result.determined).toBe(true);
  });
});

describe('golden scenario: first hours, most data unknown', () => {
  it('is not major yet but undetermined', () => {
    const result = classify({ criticalServicesAffected: true, criticalServiceDowntimeHours: 3 });
    expect(result.major).toBe(false);
    expect(result.determined).toBe(false);
    expect(met(result)).toMatchObject({ duration: true, clients: null, economic: null });
  });
});
