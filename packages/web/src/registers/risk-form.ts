import type { Treatment } from '@mica-audit/core';
import type { RiskView } from './types.ts';

// The risk form holds what the inputs show (text, '' for "not set"); the body sent to the server is built from
// it in one place, so create and edit send the same shape and the server's `path: message` maps back to inputs.

export interface VulnerabilityDraft {
  /** Stable React key; the server id when the vulnerability is already stored. */
  readonly key: string;
  readonly id?: string;
  readonly description: string;
  readonly findingIds: readonly string[];
  readonly failedRequirementUrns: readonly string[];
}

export interface RiskDraft {
  readonly title: string;
  readonly assetIds: readonly string[];
  readonly threat: string;
  readonly vulnerabilities: readonly VulnerabilityDraft[];
  readonly likelihood: string;
  readonly impact: string;
  /** '' when the residual follows from control effectiveness or equals the inherent rating. */
  readonly residualLikelihood: string;
  readonly residualImpact: string;
  readonly controlEffectiveness: string;
  readonly treatment: Treatment;
  readonly acceptanceBy: string;
  readonly acceptanceAt: string;
  readonly acceptanceRationale: string;
  readonly ownerId: string;
  readonly nextReviewAt: string;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const REVIEW_AFTER_DAYS = 180;

/** A new risk: rated in the middle of the matrix, to be reviewed in six months. */
export function emptyDraft(now: Date, matrixSize: { likelihood: number; impact: number }): RiskDraft {
  return {
    title: '',
    assetIds: [],
    threat: '',
    vulnerabilities: [],
    likelihood: String(Math.ceil(matrixSize.likelihood / 2)),
    impact: String(Math.ceil(matrixSize.impact / 2)),
    residualLikelihood: '',
    residualImpact: '',
    controlEffectiveness: '',
    treatment: 'reduce',
    acceptanceBy: '',
    acceptanceAt: day(now),
    acceptanceRationale: '',
    ownerId: '',
    nextReviewAt: day(new Date(now.getTime() + REVIEW_AFTER_DAYS * 86_400_000)),
  };
}

/** The form's values for a stored risk. */
export function draftOf(risk: RiskView): RiskDraft {
  return {
    title: risk.title,
    assetIds: risk.assetIds,
    threat: risk.threat,
    vulnerabilities: risk.vulnerabilities.map((v, i) => ({
      key: v.id ?? `stored-${i}`,
      ...(v.id === undefined ? {} : { id: v.id }),
      description: v.description,
      findingIds: v.findingIds,
      failedRequirementUrns: v.failedRequirementUrns,
    })),
    likelihood: String(risk.likelihood),
    impact: String(risk.impact),
    residualLikelihood: risk.residual === null ? '' : String(risk.residual.likelihood),
    residualImpact: risk.residual === null ? '' : String(risk.residual.impact),
    controlEffectiveness: risk.controlEffectiveness === null ? '' : String(risk.controlEffectiveness),
    treatment: risk.treatment,
    acceptanceBy: risk.acceptance?.by ?? '',
    acceptanceAt: (risk.acceptance?.at ?? '').slice(0, 10),
    acceptanceRationale: risk.acceptance?.rationale ?? '',
    ownerId: risk.ownerId ?? '',
    nextReviewAt: (risk.nextReviewAt ?? '').slice(0, 10),
  };
}

// A number when the text is one; otherwise the text itself, so the server names the field in its 400.
const numeric = (text: string): number | string => {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
};

/** The body of `POST …/risks` (and, with `version`, of `PATCH …/risks/:id`). */
export function riskBody(draft: RiskDraft) {
  const residual =
    draft.residualLikelihood === '' && draft.residualImpact === ''
      ? null
      : { likelihood: numeric(draft.residualLikelihood), impact: numeric(draft.residualImpact) };
  return {
    title: draft.title,
    assetIds: draft.assetIds,
    threat: draft.threat,
    vulnerabilities: draft.vulnerabilities.map((v) => ({
      ...(v.id === undefined ? {} : { id: v.id }),
      description: v.description,
      findingIds: v.findingIds,
      failedRequirementUrns: v.failedRequirementUrns,
    })),
    likelihood: numeric(draft.likelihood),
    impact: numeric(draft.impact),
    residual,
    controlEffectiveness:
      draft.controlEffectiveness.trim() === '' ? null : numeric(draft.controlEffectiveness),
    treatment: draft.treatment,
    // Only an accepted risk carries a sign-off; the server asks for who, when and why.
    acceptance:
      draft.treatment === 'accept'
        ? { by: draft.acceptanceBy, at: draft.acceptanceAt, rationale: draft.acceptanceRationale }
        : null,
    ownerId: draft.ownerId === '' ? null : draft.ownerId,
    nextReviewAt: draft.nextReviewAt,
  };
}

/** The paths of the form's inputs, for placing the server's `path: message` next to the right one. */
export function riskFields(draft: RiskDraft): string[] {
  return [
    'title',
    'assetIds',
    'threat',
    'vulnerabilities',
    ...draft.vulnerabilities.flatMap((_, i) => [
      `vulnerabilities[${i}].description`,
      `vulnerabilities[${i}].findingIds`,
      `vulnerabilities[${i}].failedRequirementUrns`,
    ]),
    'likelihood',
    'impact',
    'residual',
    'controlEffectiveness',
    'treatment',
    'acceptance',
    'acceptance.by',
    'acceptance.at',
    'acceptance.rationale',
    'ownerId',
    'nextReviewAt',
  ];
}
