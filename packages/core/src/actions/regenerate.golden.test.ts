import { describe, expect, it } from 'vitest';
import type { ActionPlan } from './actions.schema.ts';
import { editRecommendation, mergeRecommendations, splitRecommendation } from './edit.ts';
import { firstRoundInputs, secondRoundInputs } from './fixtures.ts';
import { generatePlan } from './plan.ts';
import { regenerate } from './regenerate.ts';
import { timeline } from './views.ts';

const alice = { by: 'alice', at: new Date('2026-11-25T09:00:00Z') };
const bob = { by: 'bob', at: new Date('2026-11-26T09:00:00Z') };

function auditedPlan(): ActionPlan {
  let plan = generatePlan(firstRoundInputs(), { now: new Date('2026-11-22T00:00:00Z') });
  plan = editRecommendation(plan, 'rec:iam-programme', { owner: 'IT lead', priority: 60 }, alice);
  plan = editRecommendation(plan, 'rec:req:mica-68-6', { dependencies: ['rec:req:mica-75-8'] }, alice);
  plan = editRecommendation(plan, 'rec:req:mica-75-8', { status: 'in-progress' }, alice);
  plan = mergeRecommendations(plan, ['rec:risk:R2', 'rec:req:mica-68-6'], bob, {
    id: 'bcp-and-staffing',
    title: 'Business continuity and staffing',
  });
  return splitRecommendation(
    plan,
    'rec:rule:tls-weak-cipher',
    [
      { id: 'tls-api', sources: ['finding:F1'] },
      { id: 'tls-wallet', sources: ['finding:F2'] },
    ],
    bob,
  );
}

describe('golden scenario: auditors edit, merge and split, then the plan is regenerated', () => {
  const edited = auditedPlan();

  it('records edits and recomputes derived fields', () => {
    const iam = edited.items.find((i) => i.id === 'rec:iam-programme');
    expect(iam).toMatchObject({ owner: 'IT lead', priority: 60, impact: 'high', kind: 'strategic-project' });
    expect(iam?.dueDate.toISOString()).toBe('2026-12-22T00:00:00.000Z');
    expect(iam?.edits).toEqual({ owner: alice, priority: alice });
  });

  it('keeps merged and split items in the plan order', () => {
    expect(edited.items.map((i) => [i.id, i.origin, i.derivedFrom, i.dependencies])).toEqual([
      ['rec:req:mica-75-8', 'generated', [], []],
      ['bcp-and-staffing', 'merged', ['rec:risk:R2', 'rec:req:mica-68-6'], ['rec:req:mica-75-8']],
      ['tls-api', 'split', ['rec:rule:tls-weak-cipher'], []],
      ['tls-wallet', 'split', ['rec:rule:tls-weak-cipher'], []],
      ['rec:iam-programme', 'generated', [], []],
    ]);
    expect(edited.items[1]).toMatchObject({
      priority: 42,
      effort: 'M',
      remedyKeys: ['risk:R2', 'req:mica-68-6'],
    });
    expect(edited.items[2]).toMatchObject({
      title: 'Fix Weak TLS cipher suites',
      priority: 13,
      kind: 'fill-in',
    });
  });

  it('regenerates without overwriting people’s work', () => {
    const next = regenerate(edited, secondRoundInputs(), { now: new Date('2026-12-06T00:00:00Z') });
    expect(
      next.items.map((i) => [
        i.id,
        i.status,
        i.sourceResolved,
        i.priority,
        i.title,
        i.sources.map((s) => s.id),
      ]),
    ).toEqual([
      [
        'rec:req:mica-75-8',
        'in-progress',
        false,
        50,
        'Remediate mica-75-8: Segregate client crypto-assets',
        ['mica-75-8'],
      ],
      // R2 now links only to dora-9-4 (medium): the mica-68-6 gap that made it high is resolved.
      ['bcp-and-staffing', 'open', false, 28, 'Business continuity and staffing', ['R2']],
      ['tls-api', 'source-resolved', true, 13, 'Fix Weak TLS cipher suites', ['F1']],
      ['tls-wallet', 'open', false, 28, 'Fix Weak TLS cipher suites', ['F2']],
      ['rec:iam-programme', 'open', false, 60, 'Remediate dora-9-4: Access control policy', ['dora-9-4']],
      ['rec:req:mica-70-1', 'open', false, 50, 'Remediate mica-70-1: Safeguard client funds', ['mica-70-1']],
      ['rec:rule:outdated-openssl', 'open', false, 19, 'Fix Outdated OpenSSL', ['F7']],
    ]);
    const iam = next.items.find((i) => i.id === 'rec:iam-programme');
    expect(iam).toMatchObject({ owner: 'IT lead', effort: 'M', edits: { owner: alice, priority: alice } });
    expect(next.items.find((i) => i.id === 'rec:req:mica-70-1')?.dueDate.toISOString()).toBe(
      '2027-01-05T00:00:00.000Z',
    );
    expect(next.items.find((i) => i.id === 'rec:rule:outdated-openssl')?.kind).toBe('fill-in');
  });

  it('reopens an automatically resolved item when its source comes back', () => {
    const resolved = regenerate(edited, secondRoundInputs(), { now: new Date('2026-12-06T00:00:00Z') });
    const back = regenerate(resolved, firstRoundInputs(), { now: new Date('2026-12-20T00:00:00Z') });
    expect(back.items.find((i) => i.id === 'tls-api')).toMatchObject({
      status: 'open',
      sourceResolved: false,
    });
    expect(back.items.find((i) => i.id === 'bcp-and-staffing')?.sources.map((s) => s.id)).toEqual([
      'mica-68-6',
      'R2',
    ]);
  });

  it('derives the timeline from dependencies and flags conflicts', () => {
    const withConflict = editRecommendation(
      edited,
      'rec:iam-programme',
      { dependencies: ['bcp-and-staffing'] },
      alice,
    );
    const bars = timeline(withConflict);
    const bar = (id: string) => bars.find((b) => b.id === id);
    expect(bar('bcp-and-staffing')).toMatchObject({
      start: new Date('2026-12-22T00:00:00Z'),
      due: new Date('2027-02-20T00:00:00Z'),
      dependencyConflict: false,
    });
    expect(bar('rec:iam-programme')).toMatchObject({
      start: new Date('2027-02-20T00:00:00Z'),
      dependencyConflict: true,
    });
    expect(bars[0]?.id).toBe('rec:req:mica-75-8');
  });
});

describe('plan edits that must fail', () => {
  const plan = generatePlan(firstRoundInputs(), { now: new Date('2026-11-22T00:00:00Z') });

  it('rejects dependency cycles and unknown dependencies', () => {
    const a = editRecommendation(plan, 'rec:risk:R2', { dependencies: ['rec:iam-programme'] }, alice);
    expect(() =>
      editRecommendation(a, 'rec:iam-programme', { dependencies: ['rec:risk:R2'] }, alice),
    ).toThrow(
      expect.objectContaining({
        code: 'actions.dependency_cycle',
        details: ['rec:risk:R2', 'rec:iam-programme', 'rec:risk:R2'],
      }),
    );
    expect(() => editRecommendation(plan, 'rec:risk:R2', { dependencies: ['rec:nope'] }, alice)).toThrow(
      expect.objectContaining({ code: 'actions.unknown_dependency' }),
    );
    expect(() => editRecommendation(plan, 'rec:risk:R2', { dependencies: ['rec:risk:R2'] }, alice)).toThrow(
      expect.objectContaining({ code: 'actions.dependency_cycle' }),
    );
  });

  it('rejects a merge that would create a cycle through a third item', () => {
    let p = editRecommendation(plan, 'rec:iam-programme', { dependencies: ['rec:risk:R2'] }, alice);
    p = editRecommendation(p, 'rec:req:mica-68-6', { dependencies: ['rec:iam-programme'] }, alice);
    expect(() => mergeRecommendations(p, ['rec:risk:R2', 'rec:req:mica-68-6'], bob)).toThrow(
      expect.objectContaining({ code: 'actions.dependency_cycle' }),
    );
  });

  it('rejects invalid merges and splits', () => {
    expect(() => mergeRecommendations(plan, ['rec:risk:R2'], bob)).toThrow(
      expect.objectContaining({ code: 'actions.invalid_merge' }),
    );
    expect(() => mergeRecommendations(plan, ['rec:risk:R2', 'rec:x'], bob)).toThrow(
      expect.objectContaining({ code: 'actions.unknown_recommendation' }),
    );
    const split = (sources: string[][]) =>
      splitRecommendation(
        plan,
        'rec:rule:tls-weak-cipher',
        sources.map((s) => ({ sources: s })),
        bob,
      );
    expect(() => split([['finding:F1']])).toThrow(expect.objectContaining({ code: 'actions.invalid_split' }));
    expect(() => split([['finding:F1'], ['finding:F1']])).toThrow(
      expect.objectContaining({ code: 'actions.invalid_split' }),
    );
    expect(() => split([['finding:F1'], []])).toThrow(
      expect.objectContaining({ code: 'actions.invalid_split' }),
    );
    expect(() => split([['finding:F1'], ['finding:F9']])).toThrow(
      expect.objectContaining({ code: 'actions.invalid_split' }),
    );
    expect(split([['finding:F1'], ['finding:F2']]).items.map((i) => i.id)).toContain(
      'rec:rule:tls-weak-cipher/2',
    );
  });
});
