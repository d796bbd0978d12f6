import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_MATRIX, maxScore } from '../risk/matrix.ts';
import { riskRegister } from '../risk/register.ts';
import { riskRegisterSchema } from '../risk/risk.schema.ts';
import { generatePlan } from './plan.ts';
import { riskSourcesFromRegister } from './sources.ts';

describe('golden scenario: action plan fed by the risk register', () => {
  it('turns risks above appetite into recommendations and links the rest by requirement', () => {
    const register = riskRegister(
      riskRegisterSchema.parse({
        assets: [{ id: 'hot-wallet', name: 'Hot wallet', category: 'it-system' }],
        risks: [
          {
            id: 'R1',
            title: 'Key theft',
            assetIds: ['hot-wallet'],
            threat: 'Attacker',
            vulnerabilities: [
              {
                id: 'V1',
                description: 'Software keys',
                findingIds: ['F-12'],
                failedRequirementUrns: ['mica-75-8'],
              },
            ],
            inherent: { likelihood: 4, impact: 5 },
            treatment: 'reduce',
            owner: 'CISO',
            nextReviewAt: '2027-01-01',
          },
        ],
      }),
      { now: new Date('2026-11-22T00:00:00Z') },
    );
    const risks = riskSourcesFromRegister(register, maxScore(DEFAULT_RISK_MATRIX));
    expect(risks).toEqual([
      {
        id: 'R1',
        title: 'Key theft',
        residualScore: 20,
        maxScore: 25,
        aboveAppetite: true,
        requirementUrns: ['mica-75-8'],
        findingIds: ['F-12'],
        owner: 'CISO',
      },
    ]);
    const plan = generatePlan({ gaps: [], findings: [], risks }, { now: new Date('2026-11-22T00:00:00Z') });
    expect(plan.items.map((i) => [i.id, i.priority, i.owner])).toEqual([['rec:req:mica-75-8', 50, 'CISO']]);
  });

  it('rejects a source listed twice', () => {
    const gap = { urn: 'a', title: 'A', status: 'non-compliant' as const, criticality: 'low' as const };
    expect(() => generatePlan({ gaps: [gap, gap], findings: [], risks: [] }, { now: new Date() })).toThrow(
      expect.objectContaining({ code: 'actions.duplicate_source' }),
    );
  });
});
