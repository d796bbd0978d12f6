import { DomainError } from '../errors.ts';
import type { RiskRegister } from '../risk/register.ts';
import type {
  ActionInputs,
  Criticality,
  Finding,
  Gap,
  RiskSource,
  Severity,
  SourceEntry,
} from './actions.schema.ts';

/** Factor scales of the priority formula (actions/README.md): each factor runs from 1 to 4. */
const CRITICALITY_FACTOR: Readonly<Record<Criticality, number>> = { low: 1, medium: 2, high: 3, critical: 4 };
const SEVERITY_FACTOR: Readonly<Record<Severity, number>> = {
  info: 0,
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};
const GAP_SEVERITY = { 'non-compliant': 4, 'partially-compliant': 2 } as const;
/** Used when nothing links a source to a criticality or a risk: the middle of the scale, not the bottom. */
const DEFAULT_FACTOR = 2;
const MAX_PRODUCT = 4 * 4 * 4;

/** Priority 0-100 from regulatory criticality × risk × severity, each on a 1-4 scale. */
export function priorityScore(criticality: number, risk: number, severity: number): number {
  return Math.round((100 * criticality * risk * severity) / MAX_PRODUCT);
}

/** The risk factor of a rated risk: its residual score as a share of the matrix maximum, on the 1-4 scale. */
export function riskFactor(risk: Pick<RiskSource, 'residualScore' | 'maxScore'>): number {
  return Math.min(4, Math.max(1, Math.ceil((4 * risk.residualScore) / risk.maxScore)));
}

interface Links {
  readonly criticalityOf: Map<string, number>;
  readonly risks: readonly RiskSource[];
}

function maxOf(values: readonly number[]): number {
  return values.length === 0 ? DEFAULT_FACTOR : Math.max(...values);
}

function criticalityFor(urns: readonly string[], links: Links): number {
  return maxOf(urns.flatMap((u) => links.criticalityOf.get(u) ?? []));
}

function riskFor(predicate: (r: RiskSource) => boolean, links: Links): number {
  return maxOf(links.risks.filter(predicate).map(riskFactor));
}

function gapEntry(gap: Gap, links: Links): SourceEntry {
  const risk = riskFor((r) => r.requirementUrns.includes(gap.urn), links);
  return {
    kind: 'gap',
    id: gap.urn,
    remedyKey: gap.remedyKey ?? `req:${gap.urn}`,
    title: `Remediate ${gap.ref ?? gap.urn}: ${gap.title}`,
    priority: priorityScore(CRITICALITY_FACTOR[gap.criticality], risk, GAP_SEVERITY[gap.status]),
    effort: gap.effort ?? (gap.status === 'non-compliant' ? 'L' : 'M'),
    owner: gap.owner ?? null,
    assetId: null,
  };
}

function findingEntry(finding: Finding, links: Links): SourceEntry {
  const risk = riskFor((r) => r.findingIds.includes(finding.id), links);
  return {
    kind: 'finding',
    id: finding.id,
    remedyKey: finding.remedyKey ?? `rule:${finding.ruleId}`,
    title: `Fix ${finding.title}`,
    priority: priorityScore(
      criticalityFor(finding.requirementUrns, links),
      risk,
      SEVERITY_FACTOR[finding.severity],
    ),
    effort: finding.effort ?? 'S',
    owner: finding.owner ?? null,
    assetId: finding.assetId ?? null,
  };
}

function riskEntry(risk: RiskSource, links: Links): SourceEntry {
  const single = risk.requirementUrns.length === 1 ? risk.requirementUrns[0] : undefined;
  const factor = riskFactor(risk);
  return {
    kind: 'risk',
    id: risk.id,
    remedyKey: risk.remedyKey ?? (single === undefined ? `risk:${risk.id}` : `req:${single}`),
    title: `Reduce risk: ${risk.title}`,
    priority: priorityScore(criticalityFor(risk.requirementUrns, links), factor, factor),
    effort: risk.effort ?? 'M',
    owner: risk.owner ?? null,
    assetId: null,
  };
}

function unique<T>(items: readonly T[], key: (item: T) => string, what: string): void {
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    const k = key(item);
    if (seen.has(k))
      throw new DomainError('actions.duplicate_source', `${what} ${k} is listed twice`, {
        path: `${what}s[${i}]`,
      });
    seen.add(k);
  }
}

/** Turns gaps, open findings and risks above appetite into sources, each with its own priority and effort. */
export function sourceEntries(inputs: ActionInputs): SourceEntry[] {
  unique(inputs.gaps, (g) => g.urn, 'gap');
  unique(inputs.findings, (f) => f.id, 'finding');
  unique(inputs.risks, (r) => r.id, 'risk');
  const links: Links = {
    criticalityOf: new Map(inputs.gaps.map((g) => [g.urn, CRITICALITY_FACTOR[g.criticality]])),
    risks: inputs.risks,
  };
  return [
    ...inputs.gaps.map((g) => gapEntry(g, links)),
    ...inputs.findings
      .filter((f) => f.status === 'open' && f.severity !== 'info')
      .map((f) => findingEntry(f, links)),
    ...inputs.risks.filter((r) => r.aboveAppetite).map((r) => riskEntry(r, links)),
  ];
}

/** Risk sources from an assessed register, so the plan sees the same residual ratings and appetite. */
export function riskSourcesFromRegister(register: RiskRegister, matrixMaxScore: number): RiskSource[] {
  return register.risks.map(({ risk, residual, aboveAppetite }) => ({
    id: risk.id,
    title: risk.title,
    residualScore: residual.score,
    maxScore: matrixMaxScore,
    aboveAppetite,
    requirementUrns: [...new Set(risk.vulnerabilities.flatMap((v) => v.failedRequirementUrns))],
    findingIds: [...new Set(risk.vulnerabilities.flatMap((v) => v.findingIds))],
    owner: risk.owner,
  }));
}
