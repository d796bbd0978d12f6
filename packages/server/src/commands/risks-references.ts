import { DomainError } from '@mica-audit/core';
import type { CommandProps } from './context.ts';
import type { EngagementInput } from './engagements.ts';
import type { RiskFields } from './risks.ts';
import { checkKnown } from './risks-view.ts';

/** Checks that assets, findings, requirements and the owner named by a risk belong to the engagement. */
export async function checkReferences(
  tx: CommandProps<unknown>['tx'],
  input: EngagementInput,
  fields: RiskFields,
) {
  const org = input.organisationId;
  const ids = async (table: 'assets' | 'findings') =>
    new Set(
      (
        await tx
          .selectFrom(table)
          .select('id')
          .where('organisation_id', '=', org)
          .where('engagement_id', '=', input.engagementId)
          .execute()
      ).map((r) => r.id),
    );
  checkKnown(fields.assetIds, await ids('assets'), 'assetIds', 'asset');
  const findings = await ids('findings');
  const urns = new Set(
    (
      await tx
        .selectFrom('assessments')
        .select('requirement_urn')
        .where('organisation_id', '=', org)
        .where('engagement_id', '=', input.engagementId)
        .execute()
    ).map((r) => r.requirement_urn),
  );
  fields.vulnerabilities.forEach((v, i) => {
    checkKnown(v.findingIds, findings, `vulnerabilities[${i}].findingIds`, 'finding');
    checkKnown(v.failedRequirementUrns, urns, `vulnerabilities[${i}].failedRequirementUrns`, 'requirement');
  });
  if (fields.ownerId !== null) {
    const member = await tx
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', org)
      .where('user_id', '=', fields.ownerId)
      .executeTakeFirst();
    if (member === undefined)
      throw new DomainError(
        'risk.unknown_owner',
        `ownerId: ${fields.ownerId} is not a member of the organisation; invite them first`,
        {
          path: 'ownerId',
        },
      );
  }
}
