import { DomainError } from '../errors.ts';
import {
  DEFAULT_RISK_MATRIX,
  maxScore,
  rate,
  type Rating,
  type RiskLevel,
  type RiskMatrix,
} from './matrix.ts';
import type { Asset, Risk, RiskRegisterInput } from './risk.schema.ts';

export interface AssessedRisk {
  readonly risk: Risk;
  readonly inherent: Rating;
  readonly residual: Rating;
  /** How the residual rating was obtained. */
  readonly residualBasis: 'explicit' | 'control-effectiveness' | 'inherent';
  readonly aboveAppetite: boolean;
  readonly overdue: boolean;
}

export interface HeatCell {
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly level: RiskLevel;
  readonly count: number;
  readonly riskIds: readonly string[];
}

export interface HeatMap {
  readonly likelihood: readonly string[];
  readonly impact: readonly string[];
  readonly inherent: readonly HeatCell[];
  readonly residual: readonly HeatCell[];
}

export interface RiskRegister {
  readonly appetite: number;
  readonly risks: readonly AssessedRisk[];
  readonly heatMap: HeatMap;
}

/** True when the review date has passed: a risk not reviewed on time is no longer a reliable rating. */
export function overdue(risk: Pick<Risk, 'nextReviewAt'>, now: Date): boolean {
  return risk.nextReviewAt.getTime() < now.getTime();
}

/**
 * The default appetite: everything below the `high` band is tolerated, so the appetite is the last score before
 * it (9 on the default matrix). A matrix without a `high` band tolerates everything below `critical`.
 */
export function defaultAppetite(matrix: RiskMatrix): number {
  const high =
    matrix.bands.find((b) => b.level === 'high') ?? matrix.bands.find((b) => b.level === 'critical');
  return high === undefined ? maxScore(matrix) : high.min - 1;
}

/**
 * Residual likelihood after controls: controls are modelled as preventive, so they lower likelihood and leave
 * impact alone; rounding up keeps the residual conservative. Record an explicit residual for corrective controls.
 */
export function likelihoodAfterControls(likelihood: number, effectivenessPercent: number): number {
  return Math.max(1, Math.ceil((likelihood * (100 - effectivenessPercent)) / 100 - 1e-9));
}

/** Rates one risk: inherent, residual, appetite and review status. */
export function assessRisk(
  risk: Risk,
  options: { now: Date; appetite: number; matrix: RiskMatrix; path?: string },
): AssessedRisk {
  const path = options.path ?? `risks.${risk.id}`;
  if (risk.treatment === 'accept' && risk.acceptance === undefined) {
    throw new DomainError(
      'risk.acceptance_missing',
      `risk ${risk.id} is accepted without a sign-off; record who, when and why`,
      {
        path: `${path}.acceptance`,
      },
    );
  }
  const inherent = rate(risk.inherent.likelihood, risk.inherent.impact, options.matrix, `${path}.inherent`);
  let residual = inherent;
  let residualBasis: AssessedRisk['residualBasis'] = 'inherent';
  if (risk.residual !== undefined) {
    residual = rate(risk.residual.likelihood, risk.residual.impact, options.matrix, `${path}.residual`);
    residualBasis = 'explicit';
  } else if (risk.controlEffectiveness !== undefined) {
    const likelihood = likelihoodAfterControls(inherent.likelihood, risk.controlEffectiveness);
    residual = rate(likelihood, inherent.impact, options.matrix, `${path}.residual`);
    residualBasis = 'control-effectiveness';
  }
  if (residual.likelihood > inherent.likelihood || residual.impact > inherent.impact) {
    throw new DomainError(
      'risk.residual_above_inherent',
      `risk ${risk.id}: the residual rating exceeds the inherent one; controls cannot raise a risk, re-rate the inherent risk`,
      { path: `${path}.residual` },
    );
  }
  return {
    risk,
    inherent,
    residual,
    residualBasis,
    aboveAppetite: residual.score > options.appetite,
    overdue: overdue(risk, options.now),
  };
}

/** Heat-map cells (every cell of the matrix, likelihood then impact ascending) for the inherent and residual views. */
export function heatMap(risks: readonly AssessedRisk[], matrix: RiskMatrix): HeatMap {
  const cells = (pick: (r: AssessedRisk) => Rating): HeatCell[] => {
    const out: HeatCell[] = [];
    for (let likelihood = 1; likelihood <= matrix.likelihood.length; likelihood += 1) {
      for (let impact = 1; impact <= matrix.impact.length; impact += 1) {
        const riskIds = risks
          .filter((r) => pick(r).likelihood === likelihood && pick(r).impact === impact)
          .map((r) => r.risk.id);
        const { score, level } = rate(likelihood, impact, matrix);
        out.push({ likelihood, impact, score, level, count: riskIds.length, riskIds });
      }
    }
    return out;
  };
  return {
    likelihood: matrix.likelihood,
    impact: matrix.impact,
    inherent: cells((r) => r.inherent),
    residual: cells((r) => r.residual),
  };
}

function checkReferences(assets: readonly Asset[], risks: readonly Risk[]): void {
  const assetIds = new Set<string>();
  for (const [i, asset] of assets.entries()) {
    if (assetIds.has(asset.id)) {
      throw new DomainError('risk.duplicate_asset', `asset ${asset.id} is listed twice`, {
        path: `assets[${i}].id`,
      });
    }
    assetIds.add(asset.id);
  }
  const riskIds = new Set<string>();
  for (const [i, risk] of risks.entries()) {
    if (riskIds.has(risk.id)) {
      throw new DomainError('risk.duplicate_risk', `risk ${risk.id} is listed twice`, {
        path: `risks[${i}].id`,
      });
    }
    riskIds.add(risk.id);
    for (const [j, assetId] of risk.assetIds.entries()) {
      if (!assetIds.has(assetId)) {
        throw new DomainError(
          'risk.unknown_asset',
          `risk ${risk.id} names asset ${assetId}, which is not in the register; add it`,
          {
            path: `risks[${i}].assetIds[${j}]`,
          },
        );
      }
    }
  }
}

/** Rates the whole register on a matrix (default 5×5) and builds its heat map. */
export function riskRegister(
  input: RiskRegisterInput,
  options: { now: Date; matrix?: RiskMatrix },
): RiskRegister {
  const matrix = options.matrix ?? DEFAULT_RISK_MATRIX;
  checkReferences(input.assets, input.risks);
  const appetite = input.appetite ?? defaultAppetite(matrix);
  const risks = input.risks.map((risk, i) =>
    assessRisk(risk, { now: options.now, appetite, matrix, path: `risks[${i}]` }),
  );
  return { appetite, risks, heatMap: heatMap(risks, matrix) };
}
