/**
 * The readiness verdict for authorisation. The rule is documented in the report itself (i18n/texts.ts VERDICT_RULE)
 * and in packages/report/README.md; the thresholds live here only.
 */
import type { CaspPrudentialRequirement, ScoreReport } from '@mica-audit/core';
import type { VerdictKey } from '../i18n/texts.ts';
import type { EngagementSnapshot } from '../snapshot.schema.ts';
import type { RequirementView } from './build-model.ts';

export const VERDICT_THRESHOLDS = {
  notReadyScore: 60,
  notReadyCoverage: 80,
  readyScore: 85,
  readyCoverage: 95,
} as const;

/** Domains where one non-compliant requirement blocks authorisation on its own. */
export const BLOCKING_DOMAINS: readonly string[] = [
  'authorisation',
  'governance',
  'prudential',
  'custody',
  'ict-risk',
];

export type VerdictReasonKey =
  | 'lowScore'
  | 'lowCoverage'
  | 'criticalFinding'
  | 'blockingGap'
  | 'nonCompliant'
  | 'highFinding'
  | 'scoreBelowReady'
  | 'coverageBelowReady'
  | 'ownFundsShort'
  | 'allMet';

export interface Verdict {
  readonly key: VerdictKey;
  readonly reasons: readonly { readonly key: VerdictReasonKey; readonly value: string }[];
}

interface VerdictInput {
  readonly snapshot: EngagementSnapshot;
  readonly requirements: readonly RequirementView[];
  readonly scores: ScoreReport;
  readonly prudential: CaspPrudentialRequirement;
}

/** Decides the verdict from the scores, open findings, blocking gaps and own funds. */
export function decideVerdict(input: VerdictInput): Verdict {
  const { overall } = input.scores;
  const score = overall.score ?? 0;
  const coverage = overall.coverage ?? 0;
  const open = input.snapshot.findings.filter((f) => f.status === 'open');
  const critical = open.filter((f) => f.severity === 'critical').length;
  const high = open.filter((f) => f.severity === 'high').length;
  const nonCompliant = input.requirements.filter(
    (r) => r.req.applicable && r.assessment?.status === 'non-compliant',
  );
  const blocking = nonCompliant.filter((r) => r.req.domains.some((d) => BLOCKING_DOMAINS.includes(d))).length;
  const blockers: Verdict['reasons'][number][] = [];
  if (score < VERDICT_THRESHOLDS.notReadyScore) blockers.push({ key: 'lowScore', value: String(score) });
  if (coverage < VERDICT_THRESHOLDS.notReadyCoverage)
    blockers.push({ key: 'lowCoverage', value: String(coverage) });
  if (critical > 0) blockers.push({ key: 'criticalFinding', value: String(critical) });
  if (blocking > 0) blockers.push({ key: 'blockingGap', value: String(blocking) });
  if (blockers.length > 0) return { key: 'not-ready', reasons: blockers };
  const conditions: Verdict['reasons'][number][] = [];
  if (score < VERDICT_THRESHOLDS.readyScore)
    conditions.push({ key: 'scoreBelowReady', value: String(score) });
  if (coverage < VERDICT_THRESHOLDS.readyCoverage)
    conditions.push({ key: 'coverageBelowReady', value: String(coverage) });
  if (nonCompliant.length > 0) conditions.push({ key: 'nonCompliant', value: String(nonCompliant.length) });
  if (high > 0) conditions.push({ key: 'highFinding', value: String(high) });
  const held = input.snapshot.profile.facts.ownFundsEUR;
  const required = input.prudential.requiredOwnFundsEUR;
  if (typeof held === 'number' && required !== null && held < required) {
    conditions.push({ key: 'ownFundsShort', value: String(required - held) });
  }
  if (conditions.length > 0) return { key: 'conditional', reasons: conditions };
  return { key: 'ready', reasons: [{ key: 'allMet', value: '' }] };
}
