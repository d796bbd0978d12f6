import { computeScores, type ScoreReport } from '@mica-audit/core';
import type { Assessment, ScopedRequirement } from '../api/types.ts';
import { titleKey, titleOf } from '../workspace/titles.ts';

/** Core's scores over the engagement: every scoped requirement, and the assessments of the known ones. */
export function scoreEngagement(
  requirements: readonly ScopedRequirement[],
  assessments: Iterable<Assessment>,
): ScoreReport {
  const known = new Set(requirements.map((r) => r.urn));
  return computeScores({
    requirements: requirements.map((r) => ({
      urn: r.urn,
      regulation: r.regulation,
      article: r.article,
      title: titleKey(titleOf(r.regulation, r.article)),
      domains: [...r.domains],
      applicable: r.applicable,
    })),
    assessments: [...assessments]
      .filter((a) => known.has(a.requirementUrn))
      .map((a) => ({
        urn: a.requirementUrn,
        status: a.status,
        ...(a.maturity === null ? {} : { maturity: a.maturity }),
      })),
  });
}
