import { describe, expect, it } from 'vitest';
import type { CaspPrudentialRequirement, ScoreReport } from '@mica-audit/core';
import type { EngagementSnapshot, FindingRecord } from '../snapshot.schema.ts';
import type { RequirementView } from './build-model.ts';
import { decideVerdict } from './verdict.ts';

const prudential: CaspPrudentialRequirement = {
  applicable: true,
  class: 2,
  permanentMinimumEUR: 125000,
  fixedOverheadsQuarterEUR: 450000,
  requiredOwnFundsEUR: 450000,
  reasons: [],
};

function input(o: {
  score: number;
  coverage: number;
  findings?: Partial<FindingRecord>[];
  gaps?: { domains: string[] }[];
  ownFunds?: number;
}) {
  const requirements = (o.gaps ?? []).map(
    (g, i) =>
      ({
        req: { urn: `u${i}`, applicable: true, domains: g.domains },
        assessment: { status: 'non-compliant' },
      }) as unknown as RequirementView,
  );
  return {
    snapshot: {
      findings: (o.findings ?? []).map((f) => ({ status: 'open', severity: 'low', ...f })),
      profile: { facts: o.ownFunds === undefined ? {} : { ownFundsEUR: o.ownFunds } },
    } as unknown as EngagementSnapshot,
    requirements,
    scores: { overall: { score: o.score, coverage: o.coverage } } as unknown as ScoreReport,
    prudential,
  };
}

describe('readiness verdict (golden scenarios)', () => {
  it('ready: score 90, coverage 100, nothing open, own funds covered', () => {
    expect(decideVerdict(input({ score: 90, coverage: 100, ownFunds: 500000 }))).toEqual({
      key: 'ready',
      reasons: [{ key: 'allMet', value: '' }],
    });
  });
  it('not ready: one open critical finding blocks on its own', () => {
    expect(decideVerdict(input({ score: 95, coverage: 100, findings: [{ severity: 'critical' }] })).key).toBe(
      'not-ready',
    );
  });
  it('not ready: a non-compliant custody requirement (blocking domain)', () => {
    expect(
      decideVerdict(input({ score: 88, coverage: 98, gaps: [{ domains: ['custody'] }] })).reasons,
    ).toEqual([{ key: 'blockingGap', value: '1' }]);
  });
  it('not ready: score 59.9 and coverage 79.9, both named', () => {
    expect(decideVerdict(input({ score: 59.9, coverage: 79.9 })).reasons.map((r) => r.key)).toEqual([
      'lowScore',
      'lowCoverage',
    ]);
  });
  it('conditional: score 60 exactly, a non-blocking gap, a high finding, own funds short by EUR 50,000', () => {
    const v = decideVerdict(
      input({
        score: 60,
        coverage: 80,
        gaps: [{ domains: ['complaints'] }],
        findings: [{ severity: 'high' }],
        ownFunds: 400000,
      }),
    );
    expect(v.key).toBe('conditional');
    expect(v.reasons).toEqual([
      { key: 'scoreBelowReady', value: '60' },
      { key: 'coverageBelowReady', value: '80' },
      { key: 'nonCompliant', value: '1' },
      { key: 'highFinding', value: '1' },
      { key: 'ownFundsShort', value: '50000' },
    ]);
  });
  it('a fixed critical finding does not count', () => {
    expect(
      decideVerdict(
        input({ score: 90, coverage: 100, findings: [{ severity: 'critical', status: 'fixed' }] }),
      ).key,
    ).toBe('ready');
  });
});
