import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeScores, type GroupScore, type ScoreReport } from './score.ts';
import {
  ASSESSMENT_STATUSES,
  SCORED_STATUSES,
  type Assessment,
  type ScoredRequirement,
} from './scoring.schema.ts';

const requirementArb = fc.record({
  regulation: fc.constantFrom('mica', 'dora'),
  article: fc.constantFrom('1', '2', '3'),
  title: fc.constantFrom('I', 'II'),
  domains: fc.subarray(['ict', 'governance', 'custody']),
  applicable: fc.boolean(),
  weight: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  status: fc.constantFrom(...ASSESSMENT_STATUSES),
  maturity: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});

type Row = typeof requirementArb extends fc.Arbitrary<infer T> ? T : never;

function build(rows: readonly Row[]): { requirements: ScoredRequirement[]; assessments: Assessment[] } {
  const requirements = rows.map(({ status: _s, maturity: _m, weight, ...r }, i) => ({
    ...r,
    urn: `r${i}`,
    ...(weight === undefined ? {} : { weight }),
  }));
  const assessments = rows.map(({ status, maturity }, i) => ({
    urn: `r${i}`,
    status,
    ...(maturity === undefined ? {} : { maturity }),
  }));
  return { requirements, assessments };
}

const allGroups = (r: ScoreReport): GroupScore[] => [
  r.overall,
  ...r.byRegulation,
  ...r.byTitle,
  ...r.byArticle,
  ...r.byDomain,
];

describe('scoring properties', () => {
  it('keeps every score and coverage within 0-100', () => {
    fc.assert(
      fc.property(fc.array(requirementArb, { maxLength: 25 }), (rows) => {
        for (const group of allGroups(computeScores(build(rows)))) {
          if (group.score !== null) expect(group.score).toBeGreaterThanOrEqual(0);
          if (group.score !== null) expect(group.score).toBeLessThanOrEqual(100);
          if (group.coverage !== null) expect(group.coverage).toBeGreaterThanOrEqual(0);
          if (group.coverage !== null) expect(group.coverage).toBeLessThanOrEqual(100);
          if (group.maturity !== null) expect(group.maturity).toBeLessThanOrEqual(5);
        }
      }),
    );
  });

  it('never lowers any score when one status improves', () => {
    fc.assert(
      fc.property(fc.array(requirementArb, { minLength: 1, maxLength: 25 }), fc.nat(), (rows, pick) => {
        const index = pick % rows.length;
        const row = rows[index]!;
        const rank = (SCORED_STATUSES as readonly string[]).indexOf(row.status);
        fc.pre(rank >= 0 && rank < SCORED_STATUSES.length - 1);
        const better = rows.map((r, i) => (i === index ? { ...r, status: SCORED_STATUSES[rank + 1]! } : r));
        const before = new Map(
          allGroups(computeScores(build(rows))).map((g) => [`${g.level}/${g.key}`, g.score]),
        );
        for (const group of allGroups(computeScores(build(better)))) {
          const previous = before.get(`${group.level}/${group.key}`) ?? null;
          if (previous !== null && group.score !== null) expect(group.score).toBeGreaterThanOrEqual(previous);
        }
      }),
    );
  });
});
