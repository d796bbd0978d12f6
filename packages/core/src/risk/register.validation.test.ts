import { describe, expect, it } from 'vitest';
import { riskMatrixSchema, type RiskMatrix } from './matrix.ts';
import { assessRisk, likelihoodAfterControls, riskRegister } from './register.ts';
import { riskSchema, type Risk } from './risk.schema.ts';

const now = new Date('2026-11-22T00:00:00Z');
const base: Risk = riskSchema.parse({
  id: 'R',
  title: 'Outage',
  assetIds: ['a'],
  threat: 'Power loss',
  inherent: { likelihood: 2, impact: 2 },
  treatment: 'reduce',
  owner: 'CTO',
  nextReviewAt: '2027-01-01',
});
const asset = { id: 'a', name: 'Node', category: 'it-system' as const };

describe('risk register validation', () => {
  it('fails validation when an accepted risk has no sign-off', () => {
    const result = riskSchema.safeParse({ ...base, nextReviewAt: '2027-01-01', treatment: 'accept' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['acceptance']);
    expect(() =>
      riskRegister({ assets: [asset], risks: [{ ...base, treatment: 'accept' }] }, { now }),
    ).toThrow(expect.objectContaining({ code: 'risk.acceptance_missing' }));
  });

  it('rejects a sign-off without rationale', () => {
    const acceptance = { by: 'CEO', at: '2026-01-01', rationale: ' ' };
    expect(riskSchema.safeParse({ ...base, treatment: 'accept', acceptance }).success).toBe(false);
  });

  it('rejects unknown assets and ratings off the matrix', () => {
    expect(() => riskRegister({ assets: [], risks: [base] }, { now })).toThrow(
      expect.objectContaining({ code: 'risk.unknown_asset', path: 'risks[0].assetIds[0]' }),
    );
    const offMatrix = { ...base, inherent: { likelihood: 6, impact: 1 } };
    expect(() => riskRegister({ assets: [asset], risks: [offMatrix] }, { now })).toThrow(
      expect.objectContaining({ code: 'risk.out_of_matrix', path: 'risks[0].inherent.likelihood' }),
    );
  });

  it('rejects a residual above the inherent rating', () => {
    const worse = { ...base, residual: { likelihood: 3, impact: 1 } };
    expect(() => riskRegister({ assets: [asset], risks: [worse] }, { now })).toThrow(
      expect.objectContaining({ code: 'risk.residual_above_inherent' }),
    );
  });

  it('rounds residual likelihood up and never below 1', () => {
    expect([
      likelihoodAfterControls(5, 30),
      likelihoodAfterControls(5, 60),
      likelihoodAfterControls(2, 100),
    ]).toEqual([4, 2, 1]);
  });
});

describe('golden scenario: custom 3x3 matrix with custom thresholds and appetite', () => {
  const matrix: RiskMatrix = riskMatrixSchema.parse({
    likelihood: ['low', 'medium', 'high'],
    impact: ['low', 'medium', 'high'],
    bands: [
      { level: 'low', min: 1 },
      { level: 'high', min: 4 },
      { level: 'critical', min: 9 },
    ],
  });

  it('bands and appetite follow the configuration', () => {
    const register = riskRegister(
      { assets: [asset], risks: [{ ...base, inherent: { likelihood: 3, impact: 3 } }], appetite: 2 },
      { now, matrix },
    );
    expect(register.risks[0]).toMatchObject({
      inherent: { score: 9, level: 'critical' },
      aboveAppetite: true,
    });
    expect(register.heatMap.inherent.map((c) => c.level)).toEqual([
      'low',
      'low',
      'low',
      'low',
      'high',
      'high',
      'low',
      'high',
      'critical',
    ]);
    const assessed = assessRisk({ ...base }, { now, matrix, appetite: 4 });
    expect(assessed.residual).toMatchObject({ score: 4, level: 'high' });
    expect(assessed.aboveAppetite).toBe(false);
  });

  it('rejects bands that do not increase', () => {
    const bad = {
      likelihood: ['a', 'b'],
      impact: ['a', 'b'],
      bands: [
        { level: 'low', min: 1 },
        { level: 'medium', min: 1 },
      ],
    };
    expect(riskMatrixSchema.safeParse(bad).success).toBe(false);
  });
});
