import { DomainError, authorize, isDomainError, type RiskMatrix } from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { json } from '../db/json.ts';
import type { CommandProps, QueryProps } from './context.ts';
import { loadEngagement, type EngagementInput } from './engagements.ts';
import { rateRisk, riskRows, riskSettings, type RiskSettings } from './risks-view.ts';

/** The engagement's risk matrix and appetite (core's default 5×5 until someone sets one). */
export async function getRiskMatrix({
  actor,
  input,
  tx,
}: QueryProps<EngagementInput>): Promise<RiskSettings> {
  authorize(actor, 'engagement.read', input);
  return riskSettings(await loadEngagement(tx, actor, input));
}

/**
 * Sets the engagement's matrix and appetite (null: back to core's default). Every risk of the register must still
 * rate on the new matrix, so a smaller matrix never strands a risk off the grid.
 */
export async function setRiskMatrix({
  actor,
  input,
  tx,
}: CommandProps<
  EngagementInput & { readonly matrix: RiskMatrix | null; readonly appetite: number | null }
>): Promise<RiskSettings> {
  authorize(actor, 'risk.manage', input);
  const engagement = await loadEngagement(tx, actor, input);
  const before = riskSettings(engagement);
  const after = riskSettings({ risk_matrix: input.matrix, risk_appetite: input.appetite });
  const now = new Date();
  for (const row of await riskRows(tx, input.organisationId, input.engagementId)) {
    try {
      rateRisk(row, now, after, true);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      throw new DomainError(
        'risk.matrix_strands_risk',
        `matrix: risk ${row.id} (${row.title}) cannot be rated on it (${error.message}); re-rate the risk first`,
        { path: 'matrix', cause: error },
      );
    }
  }
  await tx
    .updateTable('engagements')
    .set({
      risk_matrix: input.matrix === null ? null : json(input.matrix),
      risk_appetite: input.appetite,
    })
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', input.engagementId)
    .execute();
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'risk.matrix',
    entityType: 'engagement',
    entityId: input.engagementId,
    before,
    after,
  });
  return after;
}
