import { z } from 'zod';
import { DomainError } from '../errors.ts';

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * A likelihood × impact matrix: labelled levels on each axis (index 0 is level 1) and bands that map the product
 * to a risk level. A band applies from its `min` score up to the next band's `min`.
 */
export const riskMatrixSchema = z
  .strictObject({
    likelihood: z.array(z.string().min(1)).min(2).max(10),
    impact: z.array(z.string().min(1)).min(2).max(10),
    bands: z
      .array(z.strictObject({ level: z.enum(RISK_LEVELS), min: z.number().int().min(1) }))
      .min(1)
      .max(RISK_LEVELS.length),
  })
  .superRefine((matrix, ctx) => {
    const first = matrix.bands[0];
    if (first !== undefined && first.min !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['bands', 0, 'min'],
        message: 'the lowest band must start at score 1',
      });
    }
    matrix.bands.forEach((band, i) => {
      const previous = matrix.bands[i - 1];
      if (previous === undefined) return;
      if (band.min <= previous.min) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', i, 'min'],
          message: 'band thresholds must strictly increase',
        });
      }
      if (RISK_LEVELS.indexOf(band.level) <= RISK_LEVELS.indexOf(previous.level)) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', i, 'level'],
          message: 'band levels must go low → critical',
        });
      }
    });
  });

export type RiskMatrix = z.infer<typeof riskMatrixSchema>;

/** The default 5×5 matrix; thresholds documented in risk/README.md. */
export const DEFAULT_RISK_MATRIX: RiskMatrix = {
  likelihood: ['rare', 'unlikely', 'possible', 'likely', 'almost-certain'],
  impact: ['negligible', 'minor', 'moderate', 'major', 'severe'],
  bands: [
    { level: 'low', min: 1 },
    { level: 'medium', min: 5 },
    { level: 'high', min: 10 },
    { level: 'critical', min: 17 },
  ],
};

export interface Rating {
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly level: RiskLevel;
  readonly likelihoodLabel: string;
  readonly impactLabel: string;
}

/** The highest possible score on the matrix, used to normalise risk in the action plan. */
export function maxScore(matrix: RiskMatrix): number {
  return matrix.likelihood.length * matrix.impact.length;
}

/** The band a score falls into. */
export function levelOf(score: number, matrix: RiskMatrix): RiskLevel {
  let level: RiskLevel = matrix.bands[0]?.level ?? 'low';
  for (const band of matrix.bands) if (score >= band.min) level = band.level;
  return level;
}

/** Rates a likelihood and impact pair; throws `risk.out_of_matrix` when a level is not on the matrix. */
export function rate(likelihood: number, impact: number, matrix: RiskMatrix, path = ''): Rating {
  const check = (value: number, axis: 'likelihood' | 'impact') => {
    const size = matrix[axis].length;
    if (!Number.isInteger(value) || value < 1 || value > size) {
      throw new DomainError(
        'risk.out_of_matrix',
        `${axis} ${value} is not a level of the matrix; use 1 to ${size}`,
        {
          path: path === '' ? axis : `${path}.${axis}`,
        },
      );
    }
  };
  check(likelihood, 'likelihood');
  check(impact, 'impact');
  const score = likelihood * impact;
  return {
    likelihood,
    impact,
    score,
    level: levelOf(score, matrix),
    likelihoodLabel: matrix.likelihood[likelihood - 1] ?? String(likelihood),
    impactLabel: matrix.impact[impact - 1] ?? String(impact),
  };
}
