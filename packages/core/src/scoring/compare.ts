import type { AssessmentStatus } from './scoring.schema.ts';
import {
  round1,
  type GroupLevel,
  type GroupScore,
  type RequirementScore,
  type ScoreReport,
} from './score.ts';

export type Change = 'improved' | 'regressed' | 'unchanged' | 'new' | 'removed';

export interface GroupChange {
  readonly level: GroupLevel;
  readonly key: string;
  readonly previous: number | null;
  readonly current: number | null;
  /** current - previous with one decimal; null unless both rounds have a score. */
  readonly delta: number | null;
  readonly change: Change;
}

export interface RequirementChange {
  readonly urn: string;
  readonly previous: AssessmentStatus | null;
  readonly current: AssessmentStatus | null;
  readonly change: Change;
}

export interface RoundComparison {
  readonly groups: readonly GroupChange[];
  readonly requirements: readonly RequirementChange[];
}

function compareScores(
  previous: number | null,
  current: number | null,
): { delta: number | null; change: Change } {
  if (previous === null && current === null) return { delta: null, change: 'unchanged' };
  if (previous === null) return { delta: null, change: 'new' };
  if (current === null) return { delta: null, change: 'removed' };
  const delta = round1(current - previous);
  return { delta, change: delta > 0 ? 'improved' : delta < 0 ? 'regressed' : 'unchanged' };
}

function groupChanges(previous: readonly GroupScore[], current: readonly GroupScore[]): GroupChange[] {
  const before = new Map(previous.map((g) => [g.key, g]));
  const keys = new Set([...previous.map((g) => g.key), ...current.map((g) => g.key)]);
  const after = new Map(current.map((g) => [g.key, g]));
  const level = (current[0] ?? previous[0])?.level ?? 'overall';
  return [...keys].map((key) => {
    const p = before.get(key)?.score ?? null;
    const c = after.get(key)?.score ?? null;
    return { level, key, previous: p, current: c, ...compareScores(p, c) };
  });
}

function requirementChange(
  previous: RequirementScore | undefined,
  current: RequirementScore | undefined,
): Change {
  const p = previous?.score ?? null;
  const c = current?.score ?? null;
  if (p === null && c === null) return previous === undefined && current !== undefined ? 'new' : 'unchanged';
  return compareScores(p, c).change;
}

/**
 * What changed between two assessment rounds of the same engagement. A requirement or group that had no score
 * before and has one now is `new`; one that lost its score (removed, or now not assessed) is `removed`.
 */
export function compareRounds(previous: ScoreReport, current: ScoreReport): RoundComparison {
  const groups = [
    ...groupChanges([previous.overall], [current.overall]),
    ...groupChanges(previous.byRegulation, current.byRegulation),
    ...groupChanges(previous.byTitle, current.byTitle),
    ...groupChanges(previous.byArticle, current.byArticle),
    ...groupChanges(previous.byDomain, current.byDomain),
  ];
  const before = new Map(previous.requirements.map((r) => [r.urn, r]));
  const after = new Map(current.requirements.map((r) => [r.urn, r]));
  const urns = new Set([...before.keys(), ...after.keys()]);
  const requirements = [...urns].map((urn) => {
    const p = before.get(urn);
    const c = after.get(urn);
    return { urn, previous: p?.status ?? null, current: c?.status ?? null, change: requirementChange(p, c) };
  });
  return { groups, requirements };
}
