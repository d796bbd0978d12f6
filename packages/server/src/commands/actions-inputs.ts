import {
  SEVERITIES,
  heatMap,
  indexCatalogue,
  maxScore,
  riskSourcesFromRegister,
  type ActionInputs,
  type Actor,
  type Catalogue,
  type CatalogueNode,
  type Finding,
  type Severity,
} from '@mica-audit/core';
import type { QueryProps } from './context.ts';
import type { EngagementInput } from './engagements.ts';
import { loadEngagement } from './engagements.ts';
import { rateRisk, riskRows, riskSettings } from './risks-view.ts';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

function severityOf(value: string): Severity {
  const lower = value.toLowerCase();
  return (SEVERITIES as readonly string[]).includes(lower) ? (lower as Severity) : 'medium';
}

/**
 * The action plan's inputs for an engagement: its gaps (non-compliant and partially compliant assessments), its
 * findings (read only: open ones above info become sources) and its rated risks (those above appetite become
 * sources, all of them inform the risk factor).
 */

const REGULATION_LABEL: Readonly<Record<string, string>> = {
  mica: 'MiCA',
  dora: 'DORA',
  tfr: 'TFR',
  passi: 'PASSI',
};

/** The citation people read in a plan title (`DORA Art. 28(8)`), instead of the URN. */
function refOf(node: CatalogueNode | undefined): { ref?: string } {
  if (node === undefined || node.ref === '') return {};
  return { ref: `${REGULATION_LABEL[node.library] ?? node.library.toUpperCase()} ${node.ref}` };
}

export async function actionInputs(
  tx: QueryProps<unknown>['tx'],
  actor: Actor,
  input: EngagementInput,
  catalogue: Catalogue,
): Promise<ActionInputs> {
  const nodes = indexCatalogue(catalogue).nodes;
  const gaps = await tx
    .selectFrom('assessments')
    .select(['requirement_urn', 'status'])
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    .where('status', 'in', ['non-compliant', 'partially-compliant'])
    .where('out_of_scope', 'is', null)
    .orderBy('requirement_urn')
    .execute();
  const findings = await tx
    .selectFrom('findings')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const now = new Date();
  const settings = riskSettings(await loadEngagement(tx, actor, input));
  const rated = (await riskRows(tx, input.organisationId, input.engagementId)).map((r) =>
    rateRisk(r, now, settings),
  );
  return {
    gaps: gaps.map((g) => ({
      urn: g.requirement_urn,
      ...refOf(nodes.get(g.requirement_urn)),
      title: nodes.get(g.requirement_urn)?.title.en ?? g.requirement_urn,
      status: g.status === 'non-compliant' ? 'non-compliant' : 'partially-compliant',
      // The catalogue carries no criticality yet: every requirement weighs the middle of the scale.
      criticality: 'medium',
    })),
    findings: findings.map((f): Finding => {
      const row = f as typeof f & { requirements?: unknown };
      const detail = (f.detail ?? {}) as Record<string, unknown>;
      const ruleId =
        typeof detail.ruleId === 'string' && detail.ruleId !== '' ? detail.ruleId : f.fingerprint;
      return {
        id: f.id,
        ruleId,
        title: f.title,
        severity: severityOf(f.severity),
        status: f.status === 'open' ? 'open' : 'closed',
        ...(f.asset_id === null ? {} : { assetId: f.asset_id }),
        requirementUrns: [...new Set([...strings(row.requirements), ...strings(detail.requirementUrns)])],
      };
    }),
    risks: riskSourcesFromRegister(
      { appetite: settings.appetite, risks: rated, heatMap: heatMap(rated, settings.matrix) },
      maxScore(settings.matrix),
    ),
  };
}
