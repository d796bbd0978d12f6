import { DomainError } from '../errors.ts';
import type { Assessment, AssessmentStatus, ScoredRequirement, ScoringInput } from './scoring.schema.ts';

/** Credit earned per status; documented in scoring/README.md. Statuses absent here earn no score. */
export const STATUS_CREDIT: Readonly<Partial<Record<AssessmentStatus, number>>> = {
  compliant: 1,
  'partially-compliant': 0.5,
  'non-compliant': 0,
};

export type GroupLevel = 'article' | 'domain' | 'title' | 'regulation' | 'overall';

export interface RequirementScore {
  readonly urn: string;
  readonly status: AssessmentStatus;
  /** False when scoping excluded the requirement or the auditor marked it not applicable. */
  readonly counted: boolean;
  readonly weight: number;
  /** 100, 50 or 0; null when not assessed or not applicable. */
  readonly score: number | null;
  readonly maturity: number | null;
}

export interface GroupScore {
  readonly level: GroupLevel;
  readonly key: string;
  /** Weighted mean of the assessed requirements, 0-100 with one decimal; null when nothing is assessed. */
  readonly score: number | null;
  /** Assessed / applicable as a percentage with one decimal; null when nothing applies. */
  readonly coverage: number | null;
  readonly applicable: number;
  readonly assessed: number;
  readonly notAssessed: number;
  readonly notApplicable: number;
  readonly maturity: number | null;
  readonly statusCounts: Readonly<Record<AssessmentStatus, number>>;
}

export interface ScoreReport {
  readonly requirements: readonly RequirementScore[];
  readonly overall: GroupScore;
  readonly byRegulation: readonly GroupScore[];
  readonly byTitle: readonly GroupScore[];
  readonly byArticle: readonly GroupScore[];
  readonly byDomain: readonly GroupScore[];
}

/** Rounds half up to one decimal, nudged so that 0.05 steps survive binary floats; never returns -0. */
export function round1(value: number): number {
  const rounded = Math.round((value + Number.EPSILON) * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}

/** Scores one requirement from its assessment; a missing assessment means not assessed. */
export function scoreRequirement(
  requirement: ScoredRequirement,
  assessment: Assessment | undefined,
): RequirementScore {
  const status: AssessmentStatus = assessment?.status ?? 'not-assessed';
  const counted = requirement.applicable && status !== 'not-applicable';
  const credit = STATUS_CREDIT[status];
  return {
    urn: requirement.urn,
    status: requirement.applicable ? status : 'not-applicable',
    counted,
    weight: requirement.weight ?? 1,
    score: counted && credit !== undefined ? credit * 100 : null,
    maturity: counted && assessment?.maturity !== undefined ? assessment.maturity : null,
  };
}

function emptyCounts(): Record<AssessmentStatus, number> {
  return {
    compliant: 0,
    'partially-compliant': 0,
    'non-compliant': 0,
    'not-applicable': 0,
    'not-assessed': 0,
  };
}

/** Aggregates requirement scores into one group score (weights apply to the score, not to coverage). */
export function aggregate(level: GroupLevel, key: string, items: readonly RequirementScore[]): GroupScore {
  const statusCounts = emptyCounts();
  let applicable = 0;
  let assessed = 0;
  let weighted = 0;
  let weights = 0;
  let maturitySum = 0;
  let maturityCount = 0;
  for (const item of items) {
    statusCounts[item.status] += 1;
    if (!item.counted) continue;
    applicable += 1;
    if (item.score !== null) {
      assessed += 1;
      weighted += item.weight * item.score;
      weights += item.weight;
    }
    if (item.maturity !== null) {
      maturitySum += item.maturity;
      maturityCount += 1;
    }
  }
  return {
    level,
    key,
    score: weights === 0 ? null : round1(weighted / weights),
    coverage: applicable === 0 ? null : round1((assessed / applicable) * 100),
    applicable,
    assessed,
    notAssessed: applicable - assessed,
    notApplicable: items.length - applicable,
    maturity: maturityCount === 0 ? null : round1(maturitySum / maturityCount),
    statusCounts,
  };
}

function indexAssessments(input: ScoringInput): Map<string, Assessment> {
  const urns = new Set<string>();
  for (const [index, requirement] of input.requirements.entries()) {
    if (urns.has(requirement.urn)) {
      throw new DomainError(
        'scoring.duplicate_requirement',
        `requirement ${requirement.urn} is listed twice; keep one`,
        {
          path: `requirements[${index}].urn`,
        },
      );
    }
    urns.add(requirement.urn);
  }
  const byUrn = new Map<string, Assessment>();
  for (const [index, assessment] of input.assessments.entries()) {
    if (!urns.has(assessment.urn)) {
      throw new DomainError(
        'scoring.unknown_requirement',
        `assessment names ${assessment.urn}, which is not among the requirements; fix the urn or add the requirement`,
        { path: `assessments[${index}].urn` },
      );
    }
    if (byUrn.has(assessment.urn)) {
      throw new DomainError(
        'scoring.duplicate_assessment',
        `requirement ${assessment.urn} is assessed twice; keep one`,
        {
          path: `assessments[${index}].urn`,
        },
      );
    }
    byUrn.set(assessment.urn, assessment);
  }
  return byUrn;
}

function groupBy(
  level: GroupLevel,
  pairs: readonly (readonly [ScoredRequirement, RequirementScore])[],
  keysOf: (requirement: ScoredRequirement) => readonly string[],
): GroupScore[] {
  const groups = new Map<string, RequirementScore[]>();
  for (const [requirement, score] of pairs) {
    for (const key of keysOf(requirement)) {
      const list = groups.get(key) ?? [];
      list.push(score);
      groups.set(key, list);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([key, items]) => aggregate(level, key, items));
}

/**
 * Scores every requirement and every group. Article and title keys are prefixed with the regulation
 * (`mica:67`, `mica:V`) because article numbers repeat across regulations.
 */
export function computeScores(input: ScoringInput): ScoreReport {
  const assessments = indexAssessments(input);
  const pairs = input.requirements.map((r) => [r, scoreRequirement(r, assessments.get(r.urn))] as const);
  const requirements = pairs.map(([, score]) => score);
  return {
    requirements,
    overall: aggregate('overall', 'overall', requirements),
    byRegulation: groupBy('regulation', pairs, (r) => [r.regulation]),
    byTitle: groupBy('title', pairs, (r) => [`${r.regulation}:${r.title}`]),
    byArticle: groupBy('article', pairs, (r) => [`${r.regulation}:${r.article}`]),
    byDomain: groupBy('domain', pairs, (r) => [...new Set(r.domains)]),
  };
}
