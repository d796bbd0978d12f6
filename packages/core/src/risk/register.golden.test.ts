import { describe, expect, it } from 'vitest';
import { riskRegister } from './register.ts';
import { riskRegisterSchema } from './risk.schema.ts';

const input = riskRegisterSchema.parse({
  assets: [
    { id: 'hot-wallet', name: 'Hot wallet signing service', category: 'it-system' },
    { id: 'client-data', name: 'Client KYC records', category: 'data' },
    { id: 'ops-team', name: 'Wallet operations team', category: 'people' },
    { id: 'withdrawals', name: 'Client withdrawal procedure', category: 'process' },
  ],
  risks: [
    {
      id: 'R1',
      title: 'Theft of hot-wallet signing keys',
      assetIds: ['hot-wallet'],
      threat: 'External attacker',
      vulnerabilities: [
        {
          id: 'V1',
          description: 'Keys held in software',
          findingIds: ['F-12'],
          failedRequirementUrns: ['mica-75-8'],
        },
      ],
      inherent: { likelihood: 4, impact: 5 },
      controlEffectiveness: 50,
      treatment: 'reduce',
      owner: 'CISO',
      nextReviewAt: '2026-12-01',
    },
    {
      id: 'R2',
      title: 'Leak of client KYC data',
      assetIds: ['client-data'],
      threat: 'Insider',
      inherent: { likelihood: 3, impact: 4 },
      residual: { likelihood: 2, impact: 3 },
      treatment: 'transfer',
      owner: 'DPO',
      nextReviewAt: '2026-10-01',
    },
    {
      id: 'R3',
      title: 'Dependency on one wallet engineer',
      assetIds: ['ops-team'],
      threat: 'Departure or absence',
      inherent: { likelihood: 3, impact: 3 },
      treatment: 'accept',
      acceptance: { by: 'CEO', at: '2026-09-15', rationale: 'Second engineer hired for Q1 2027' },
      owner: 'COO',
      nextReviewAt: '2027-01-15',
    },
    {
      id: 'R4',
      title: 'Manual withdrawal errors',
      assetIds: ['withdrawals', 'ops-team'],
      threat: 'Human error',
      inherent: { likelihood: 5, impact: 2 },
      controlEffectiveness: 30,
      treatment: 'reduce',
      owner: 'COO',
      nextReviewAt: '2026-11-22T00:00:00Z',
    },
  ],
});

const register = riskRegister(input, { now: new Date('2026-11-22T12:00:00Z') });

describe('golden scenario: custody CASP risk register on the default 5x5 matrix', () => {
  it('rates inherent and residual risk with their levels', () => {
    const summary = register.risks.map((r) => [
      r.risk.id,
      `${r.inherent.likelihood}x${r.inherent.impact}=${r.inherent.score} ${r.inherent.level}`,
      `${r.residual.likelihood}x${r.residual.impact}=${r.residual.score} ${r.residual.level}`,
      r.residualBasis,
    ]);
    expect(summary).toEqual([
      ['R1', '4x5=20 critical', '2x5=10 high', 'control-effectiveness'],
      ['R2', '3x4=12 high', '2x3=6 medium', 'explicit'],
      ['R3', '3x3=9 medium', '3x3=9 medium', 'inherent'],
      ['R4', '5x2=10 high', '4x2=8 medium', 'control-effectiveness'],
    ]);
  });

  it('flags risks above the default appetite of 9 and overdue reviews', () => {
    expect(register.appetite).toBe(9);
    expect(register.risks.filter((r) => r.aboveAppetite).map((r) => r.risk.id)).toEqual(['R1']);
    expect(register.risks.filter((r) => r.overdue).map((r) => r.risk.id)).toEqual(['R2', 'R4']);
  });

  it('labels ratings with the matrix levels', () => {
    expect(register.risks[0]?.inherent).toMatchObject({ likelihoodLabel: 'likely', impactLabel: 'severe' });
  });

  it('builds heat-map cells with counts and risk ids', () => {
    const occupied = (cells: typeof register.heatMap.inherent) =>
      cells.filter((c) => c.count > 0).map((c) => [c.likelihood, c.impact, c.level, c.riskIds]);
    expect(register.heatMap.inherent).toHaveLength(25);
    expect(occupied(register.heatMap.inherent)).toEqual([
      [3, 3, 'medium', ['R3']],
      [3, 4, 'high', ['R2']],
      [4, 5, 'critical', ['R1']],
      [5, 2, 'high', ['R4']],
    ]);
    expect(occupied(register.heatMap.residual)).toEqual([
      [2, 3, 'medium', ['R2']],
      [2, 5, 'high', ['R1']],
      [3, 3, 'medium', ['R3']],
      [4, 2, 'medium', ['R4']],
    ]);
  });
});
