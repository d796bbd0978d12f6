import type { Selectable } from 'kysely';
import {
  ASSET_CATEGORIES,
  DEFAULT_RISK_MATRIX,
  DomainError,
  TREATMENTS,
  assessRisk,
  defaultAppetite,
  riskMatrixSchema,
  type AssessedRisk,
  type AssetCategory,
  type Rating,
  type Risk,
  type RiskMatrix,
  type Treatment,
} from '@mica-audit/core';
import type { Engagement, RiskTable } from '../db/schema.ts';
import type { QueryProps } from './context.ts';

type RiskRow = Selectable<RiskTable>;

/** The structured risk fields kept in `risks.detail` (the rest has its own column). */
export interface RiskDetail {
  readonly assetIds?: readonly string[];
  readonly threat?: string;
  readonly vulnerabilities?: Risk['vulnerabilities'];
  readonly residual?: { readonly likelihood: number; readonly impact: number };
  readonly controlEffectiveness?: number;
  readonly acceptance?: { readonly by: string; readonly at: string; readonly rationale: string };
}

/** The matrix and appetite an engagement's risks are rated on. */
export interface RiskSettings {
  readonly matrix: RiskMatrix;
  readonly appetite: number;
  /** False while the engagement uses core's default matrix and appetite. */
  readonly custom: boolean;
}

/** The engagement's matrix and appetite: its own when set, else core's default 5×5 and its default appetite. */
export function riskSettings(engagement: Pick<Engagement, 'risk_matrix' | 'risk_appetite'>): RiskSettings {
  const parsed = riskMatrixSchema.safeParse(engagement.risk_matrix);
  const matrix = parsed.success ? parsed.data : DEFAULT_RISK_MATRIX;
  return {
    matrix,
    appetite: engagement.risk_appetite ?? defaultAppetite(matrix),
    custom: parsed.success || engagement.risk_appetite !== null,
  };
}

/** The category of an asset row: its kind when it is one of core's categories, else an IT system. */
export function assetCategory(kind: string): AssetCategory {
  return (ASSET_CATEGORIES as readonly string[]).includes(kind) ? (kind as AssetCategory) : 'it-system';
}

function treatmentOf(stored: string): Treatment {
  // Rows written before the register was writable say 'mitigate', core's 'reduce'.
  return (TREATMENTS as readonly string[]).includes(stored) ? (stored as Treatment) : 'reduce';
}

/** Core's risk from a stored row; rows seeded before the register was writable get neutral defaults. */
export function coreRisk(row: RiskRow): Risk {
  const d = (row.detail ?? {}) as RiskDetail;
  return {
    id: row.id,
    title: row.title,
    assetIds: [...(d.assetIds ?? [])],
    threat: d.threat ?? row.title,
    vulnerabilities: (d.vulnerabilities ?? []).map((v) => ({
      ...v,
      findingIds: [...v.findingIds],
      failedRequirementUrns: [...v.failedRequirementUrns],
    })),
    inherent: { likelihood: row.likelihood, impact: row.impact },
    ...(d.residual === undefined ? {} : { residual: { ...d.residual } }),
    ...(d.controlEffectiveness === undefined ? {} : { controlEffectiveness: d.controlEffectiveness }),
    treatment: treatmentOf(row.treatment),
    ...(d.acceptance === undefined ? {} : { acceptance: { ...d.acceptance, at: new Date(d.acceptance.at) } }),
    owner: row.owner_id ?? 'unassigned',
    nextReviewAt: row.next_review_at ?? new Date(8.64e15),
  };
}

/** Rates a risk with core; throws core's `risk.*` errors (out of matrix, residual above inherent, no sign-off). */
export function rateRisk(row: RiskRow, now: Date, settings: RiskSettings, strict = false): AssessedRisk {
  const { matrix } = settings;
  const options = { now, appetite: settings.appetite, matrix, path: '' };
  const risk = coreRisk(row);
  try {
    return assessRisk(risk, options);
  } catch (error) {
    // Writes are rated strictly; a row written some other way still lists, on its inherent rating clamped to the matrix.
    if (strict) throw error;
    const clamp = (n: number, size: number) => Math.min(size, Math.max(1, Math.round(n) || 1));
    const { residual: _r, controlEffectiveness: _c, acceptance: _a, ...rest } = risk;
    return assessRisk(
      {
        ...rest,
        treatment: risk.treatment === 'accept' ? 'reduce' : risk.treatment,
        inherent: {
          likelihood: clamp(risk.inherent.likelihood, matrix.likelihood.length),
          impact: clamp(risk.inherent.impact, matrix.impact.length),
        },
      },
      options,
    );
  }
}

export interface RiskView {
  readonly id: string;
  readonly engagementId: string;
  readonly title: string;
  readonly assetIds: readonly string[];
  readonly threat: string;
  readonly vulnerabilities: Risk['vulnerabilities'];
  readonly likelihood: number;
  readonly impact: number;
  readonly residual: { readonly likelihood: number; readonly impact: number } | null;
  readonly controlEffectiveness: number | null;
  readonly treatment: Treatment;
  readonly acceptance: RiskDetail['acceptance'] | null;
  readonly ownerId: string | null;
  readonly nextReviewAt: string | null;
  readonly rating: { readonly inherent: Rating; readonly residual: Rating; readonly basis: string };
  readonly aboveAppetite: boolean;
  readonly overdue: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** API shape of a risk with core's computed ratings, appetite and overdue flags. */
export function riskView(row: RiskRow, now: Date, settings: RiskSettings, strict = false): RiskView {
  const assessed = rateRisk(row, now, settings, strict);
  const d = (row.detail ?? {}) as RiskDetail;
  return {
    id: row.id,
    engagementId: row.engagement_id,
    title: row.title,
    assetIds: assessed.risk.assetIds,
    threat: assessed.risk.threat,
    vulnerabilities: assessed.risk.vulnerabilities,
    likelihood: row.likelihood,
    impact: row.impact,
    residual: d.residual ?? null,
    controlEffectiveness: d.controlEffectiveness ?? null,
    treatment: assessed.risk.treatment,
    acceptance: d.acceptance ?? null,
    ownerId: row.owner_id,
    nextReviewAt: row.next_review_at?.toISOString() ?? null,
    rating: { inherent: assessed.inherent, residual: assessed.residual, basis: assessed.residualBasis },
    aboveAppetite: assessed.aboveAppetite,
    overdue: row.next_review_at !== null && assessed.overdue,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Every risk row of the engagement, oldest first. */
export function riskRows(tx: QueryProps<unknown>['tx'], organisationId: string, engagementId: string) {
  return tx
    .selectFrom('risks')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('engagement_id', '=', engagementId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The engagement's assets grouped by core's categories (IT systems, data, people, processes). */
export async function assetsByCategory(
  tx: QueryProps<unknown>['tx'],
  organisationId: string,
  engagementId: string,
): Promise<Record<AssetCategory, { id: string; name: string }[]>> {
  const rows = await tx
    .selectFrom('assets')
    .select(['id', 'name', 'kind'])
    .where('organisation_id', '=', organisationId)
    .where('engagement_id', '=', engagementId)
    .orderBy('name')
    .execute();
  const out = Object.fromEntries(ASSET_CATEGORIES.map((c) => [c, [] as { id: string; name: string }[]]));
  for (const row of rows) out[assetCategory(row.kind)]?.push({ id: row.id, name: row.name });
  return out as Record<AssetCategory, { id: string; name: string }[]>;
}

/** Throws a 400 naming the first id of `wanted` that is not among `known`. */
export function checkKnown(
  wanted: readonly string[],
  known: ReadonlySet<string>,
  path: string,
  what: string,
): void {
  const index = wanted.findIndex((id) => !known.has(id));
  if (index >= 0)
    throw new DomainError(
      `risk.unknown_${what}`,
      `${path}[${index}]: ${what} ${wanted[index]} is not in this engagement; use an id from its ${what} register`,
      { path: `${path}[${index}]` },
    );
}
