import { describe, expect, it } from 'vitest';
import { compareRounds } from './compare.ts';
import { computeScores } from './score.ts';
import { scoringInputSchema, type Assessment, type ScoredRequirement } from './scoring.schema.ts';

const requirement = (
  urn: string,
  regulation: string,
  article: string,
  title: string,
  domains: string[],
  extra: Partial<ScoredRequirement> = {},
): ScoredRequirement => ({ urn, regulation, article, title, domains, applicable: true, ...extra });

const requirements: ScoredRequirement[] = [
  requirement('mica-67-1', 'mica', '67', 'V', ['prudential'], { weight: 2 }),
  requirement('mica-68-1', 'mica', '68', 'V', ['governance']),
  requirement('mica-68-2', 'mica', '68', 'V', ['governance', 'ict']),
  requirement('mica-70-1', 'mica', '70', 'V', ['custody']),
  requirement('mica-75-1', 'mica', '75', 'V', ['custody']),
  requirement('mica-76-1', 'mica', '76', 'V', ['trading'], { applicable: false }),
  requirement('dora-5-1', 'dora', '5', 'II', ['ict']),
  requirement('dora-6-1', 'dora', '6', 'II', ['ict'], { weight: 3 }),
];

const round1: Assessment[] = [
  { urn: 'mica-67-1', status: 'compliant', maturity: 4 },
  { urn: 'mica-68-1', status: 'partially-compliant', maturity: 2 },
  { urn: 'mica-68-2', status: 'non-compliant', maturity: 1 },
  { urn: 'mica-75-1', status: 'not-applicable' },
  { urn: 'dora-5-1', status: 'compliant', maturity: 3 },
  { urn: 'dora-6-1', status: 'partially-compliant' },
];

const round2: Assessment[] = [
  { urn: 'mica-67-1', status: 'compliant', maturity: 4 },
  { urn: 'mica-68-1', status: 'compliant', maturity: 3 },
  { urn: 'mica-68-2', status: 'partially-compliant', maturity: 2 },
  { urn: 'mica-70-1', status: 'compliant' },
  { urn: 'mica-72-1', status: 'compliant' },
  { urn: 'mica-75-1', status: 'not-applicable' },
  { urn: 'dora-5-1', status: 'compliant', maturity: 3 },
  { urn: 'dora-6-1', status: 'non-compliant' },
];

const first = computeScores(scoringInputSchema.parse({ requirements, assessments: round1 }));
const second = computeScores(
  scoringInputSchema.parse({
    requirements: [...requirements, requirement('mica-72-1', 'mica', '72', 'V', ['governance'])],
    assessments: round2,
  }),
);

describe('golden scenario: custody CASP, two assessment rounds', () => {
  it('scores the first round overall with weights, coverage and maturity', () => {
    expect(first.overall).toEqual({
      level: 'overall',
      key: 'overall',
      score: 62.5,
      coverage: 83.3,
      applicable: 6,
      assessed: 5,
      notAssessed: 1,
      notApplicable: 2,
      maturity: 2.5,
      statusCounts: {
        compliant: 2,
        'partially-compliant': 2,
        'non-compliant': 1,
        'not-applicable': 2,
        'not-assessed': 1,
      },
    });
  });

  it('scores each regulation, title, article and domain', () => {
    const pick = (groups: typeof first.byArticle) =>
      Object.fromEntries(groups.map((g) => [g.key, [g.score, g.coverage, g.maturity]]));
    expect(pick(first.byRegulation)).toEqual({ dora: [62.5, 100, 3], mica: [62.5, 75, 2.3] });
    expect(pick(first.byTitle)).toEqual({ 'dora:II': [62.5, 100, 3], 'mica:V': [62.5, 75, 2.3] });
    expect(pick(first.byArticle)).toEqual({
      'dora:5': [100, 100, 3],
      'dora:6': [50, 100, null],
      'mica:67': [100, 100, 4],
      'mica:68': [25, 100, 1.5],
      'mica:70': [null, 0, null],
      'mica:75': [null, null, null],
      'mica:76': [null, null, null],
    });
    expect(pick(first.byDomain)).toEqual({
      custody: [null, 0, null],
      governance: [25, 100, 1.5],
      ict: [50, 100, 2],
      prudential: [100, 100, 4],
      trading: [null, null, null],
    });
  });

  it('reports each requirement with its own score', () => {
    expect(first.requirements.map((r) => [r.urn, r.status, r.score])).toEqual([
      ['mica-67-1', 'compliant', 100],
      ['mica-68-1', 'partially-compliant', 50],
      ['mica-68-2', 'non-compliant', 0],
      ['mica-70-1', 'not-assessed', null],
      ['mica-75-1', 'not-applicable', null],
      ['mica-76-1', 'not-applicable', null],
      ['dora-5-1', 'compliant', 100],
      ['dora-6-1', 'partially-compliant', 50],
    ]);
  });

  it('compares the two rounds per group', () => {
    const comparison = compareRounds(first, second);
    const find = (level: string, key: string) =>
      comparison.groups.find((g) => g.level === level && g.key === key);
    expect(find('overall', 'overall')).toEqual({
      level: 'overall',
      key: 'overall',
      previous: 62.5,
      current: 65,
      delta: 2.5,
      change: 'improved',
    });
    expect(find('regulation', 'mica')).toMatchObject({
      previous: 62.5,
      current: 91.7,
      delta: 29.2,
      change: 'improved',
    });
    expect(find('regulation', 'dora')).toMatchObject({
      previous: 62.5,
      current: 25,
      delta: -37.5,
      change: 'regressed',
    });
    expect(find('article', 'mica:70')).toMatchObject({
      previous: null,
      current: 100,
      delta: null,
      change: 'new',
    });
    expect(find('article', 'mica:72')).toMatchObject({ previous: null, current: 100, change: 'new' });
    expect(find('article', 'mica:67')).toMatchObject({ delta: 0, change: 'unchanged' });
    expect(find('domain', 'custody')).toMatchObject({ previous: null, current: 100, change: 'new' });
  });

  it('compares the two rounds per requirement', () => {
    const changes = Object.fromEntries(
      compareRounds(first, second).requirements.map((r) => [r.urn, r.change]),
    );
    expect(changes).toEqual({
      'mica-67-1': 'unchanged',
      'mica-68-1': 'improved',
      'mica-68-2': 'improved',
      'mica-70-1': 'new',
      'mica-72-1': 'new',
      'mica-75-1': 'unchanged',
      'mica-76-1': 'unchanged',
      'dora-5-1': 'unchanged',
      'dora-6-1': 'regressed',
    });
  });

  it('marks a requirement that lost its score as removed', () => {
    const third = computeScores(scoringInputSchema.parse({ requirements, assessments: [] }));
    const change = compareRounds(first, third).requirements.find((r) => r.urn === 'mica-67-1');
    expect(change).toEqual({
      urn: 'mica-67-1',
      previous: 'compliant',
      current: 'not-assessed',
      change: 'removed',
    });
    expect(third.overall.score).toBeNull();
    expect(third.overall.coverage).toBe(0);
  });
});
