import { describe, expect, it } from 'vitest';
import { actionPlanSchema, type ActionPlan } from './actions.schema.ts';
import { firstRoundInputs } from './fixtures.ts';
import { generatePlan } from './plan.ts';
import { priorityScore, riskFactor } from './sources.ts';
import { impactEffortMatrix } from './views.ts';

const now = new Date('2026-11-22T00:00:00Z');
const plan = generatePlan(firstRoundInputs(), { now });

describe('golden scenario: first action plan of a custody CASP', () => {
  it('merges sources sharing a remedy and prioritises criticality × risk × severity', () => {
    expect(
      plan.items.map((i) => [
        i.id,
        i.priority,
        i.effort,
        i.impact,
        i.kind,
        i.dueDate.toISOString().slice(0, 10),
        i.owner,
      ]),
    ).toEqual([
      ['rec:req:mica-75-8', 50, 'L', 'high', 'strategic-project', '2026-12-22', 'CISO'],
      ['rec:risk:R2', 42, 'M', 'medium', 'strategic-project', '2027-02-20', null],
      ['rec:req:mica-68-6', 28, 'M', 'medium', 'strategic-project', '2027-02-20', null],
      ['rec:rule:tls-weak-cipher', 28, 'S', 'medium', 'quick-win', '2027-02-20', null],
      ['rec:iam-programme', 25, 'M', 'medium', 'strategic-project', '2027-02-20', null],
    ]);
  });

  it('keeps every source with its own priority', () => {
    const pick = (id: string) =>
      plan.items.find((i) => i.id === id)?.sources.map((s) => [s.kind, s.id, s.priority]);
    expect(pick('rec:req:mica-75-8')).toEqual([
      ['gap', 'mica-75-8', 50],
      ['risk', 'R1', 25],
    ]);
    expect(pick('rec:rule:tls-weak-cipher')).toEqual([
      ['finding', 'F1', 13],
      ['finding', 'F2', 28],
    ]);
    expect(pick('rec:iam-programme')).toEqual([
      ['gap', 'dora-9-4', 19],
      ['finding', 'F3', 25],
    ]);
  });

  it('titles a remedy after its most urgent source', () => {
    expect(plan.items.map((i) => i.title)).toEqual([
      'Remediate mica-75-8: Segregate client crypto-assets',
      'Reduce risk: Single wallet engineer',
      'Remediate mica-68-6: Business continuity policy',
      'Fix Weak TLS cipher suites (2 assets)',
      'Fix MFA missing on admin console',
    ]);
  });

  it('ignores info and closed findings', () => {
    const ids = plan.items.flatMap((i) => i.sources.map((s) => s.id));
    expect(ids).not.toContain('F4');
    expect(ids).not.toContain('F5');
  });

  it('lays the plan out on the impact/effort matrix', () => {
    const occupied = impactEffortMatrix(plan)
      .filter((c) => c.count > 0)
      .map((c) => [c.impact, c.effort, c.kind, c.ids]);
    expect(occupied).toEqual([
      ['high', 'L', 'strategic-project', ['rec:req:mica-75-8']],
      ['medium', 'S', 'quick-win', ['rec:rule:tls-weak-cipher']],
      ['medium', 'M', 'strategic-project', ['rec:risk:R2', 'rec:req:mica-68-6', 'rec:iam-programme']],
    ]);
  });

  it('computes the formula factors', () => {
    expect([
      riskFactor({ residualScore: 10, maxScore: 25 }),
      riskFactor({ residualScore: 25, maxScore: 25 }),
    ]).toEqual([2, 4]);
    expect([priorityScore(4, 4, 4), priorityScore(1, 1, 1), priorityScore(2, 2, 2)]).toEqual([100, 2, 13]);
  });

  it('bumps the effort when a remedy spans more than five assets', () => {
    const findings = ['a', 'b', 'c', 'd', 'e', 'f'].map((asset, i) => ({
      id: `X${i}`,
      ruleId: 'patch',
      title: 'Missing patch',
      severity: 'low' as const,
      status: 'open' as const,
      assetId: asset,
      requirementUrns: [],
    }));
    const wide = generatePlan({ gaps: [], findings, risks: [] }, { now });
    expect(wide.items[0]).toMatchObject({
      effort: 'M',
      title: 'Fix Missing patch (6 assets)',
      kind: 'low-priority',
    });
  });
});

describe('golden scenario: a plan stored as JSON and read back', () => {
  it('round-trips through the stored-plan schema', () => {
    const stored: unknown = JSON.parse(JSON.stringify(plan));
    const restored: ActionPlan = actionPlanSchema.parse(stored);
    expect(restored).toEqual(plan);
  });
});
