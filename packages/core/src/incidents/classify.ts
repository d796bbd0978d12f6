import type { IncidentImpact } from './classification.schema.ts';

/** Materiality thresholds of Delegated Regulation (EU) 2024/1772 Art. 9, as verified (see incidents/README.md). */
export const MATERIALITY = {
  clientsShare: 0.1,
  clientsAbsolute: 100_000,
  counterpartsShare: 0.3,
  transactionsShare: 0.1,
  transactionValueShare: 0.1,
  durationHours: 24,
  criticalDowntimeHours: 2,
  memberStates: 2,
  economicImpactEUR: 100_000,
} as const;

export type CriterionKey =
  'clients' | 'reputational' | 'duration' | 'geographical' | 'data-losses' | 'malicious-access' | 'economic';

export interface CriterionResult {
  readonly criterion: CriterionKey;
  /** Article 9 paragraph (and point) of Delegated Regulation (EU) 2024/1772. */
  readonly source: string;
  /** Null when the data given cannot tell. */
  readonly met: boolean | null;
  readonly reasons: readonly string[];
}

export interface IncidentClassification {
  readonly major: boolean;
  /** False when missing data could still turn the incident major. */
  readonly determined: boolean;
  readonly criticalServicesAffected: boolean;
  readonly otherThresholdsMet: number;
  readonly criteria: readonly CriterionResult[];
  readonly reasons: readonly string[];
}

const fmt = (n: number) => n.toLocaleString('en-GB');
const pct = (n: number) => `${Math.round(n * 1000) / 10} %`;

interface Check {
  readonly met: boolean | null;
  readonly reason: string;
}

function any(checks: readonly Check[]): { met: boolean | null; reasons: string[] } {
  const met = checks.some((c) => c.met === true) ? true : checks.some((c) => c.met === null) ? null : false;
  const relevant = met === true ? checks.filter((c) => c.met === true) : checks;
  return { met, reasons: relevant.map((c) => c.reason) };
}

function share(
  part: number | undefined,
  whole: number | undefined,
  limit: number,
  what: string,
  point: string,
): Check {
  if (part === undefined || whole === undefined || whole === 0) {
    return { met: null, reason: `${what}: not known (Art. 9(1)(${point}))` };
  }
  const ratio = part / whole;
  return {
    met: ratio > limit,
    reason: `${what}: ${pct(ratio)} ${ratio > limit ? '>' : '≤'} ${pct(limit)} (Art. 9(1)(${point}))`,
  };
}

function flag(value: boolean | undefined, what: string, source: string): Check {
  return {
    met: value ?? null,
    reason: `${what}: ${value === undefined ? 'not known' : value ? 'yes' : 'no'} (${source})`,
  };
}

function over(value: number | undefined, limit: number, what: string, unit: string, source: string): Check {
  if (value === undefined) return { met: null, reason: `${what}: not known (${source})` };
  return {
    met: value > limit,
    reason: `${what}: ${fmt(value)}${unit} ${value > limit ? '>' : '≤'} ${fmt(limit)}${unit} (${source})`,
  };
}

function criteria(impact: IncidentImpact): CriterionResult[] {
  const c = impact.clients;
  const r = impact.reputational;
  const states = impact.memberStatesImpacted;
  const result = (criterion: CriterionKey, source: string, checks: readonly Check[]): CriterionResult => ({
    criterion,
    source,
    ...any(checks),
  });
  return [
    result('clients', 'Art. 9(1)', [
      share(c.affected, c.total, MATERIALITY.clientsShare, 'clients affected', 'a'),
      over(c.affected, MATERIALITY.clientsAbsolute, 'clients affected', '', 'Art. 9(1)(b)'),
      share(
        c.counterpartsAffected,
        c.counterpartsTotal,
        MATERIALITY.counterpartsShare,
        'financial counterparts affected',
        'c',
      ),
      share(
        c.transactionsAffected,
        c.transactionsDailyAverage,
        MATERIALITY.transactionsShare,
        'transactions affected',
        'd',
      ),
      share(
        c.transactionValueAffectedEUR,
        c.transactionValueDailyAverageEUR,
        MATERIALITY.transactionValueShare,
        'value of transactions affected',
        'e',
      ),
      flag(c.relevantAffected, 'relevant clients or counterparts affected', 'Art. 9(1)(f)'),
    ]),
    result('reputational', 'Art. 9(2)', [
      flag(r.mediaAttention, 'media attention', 'Art. 2(1)(a)'),
      flag(r.repetitiveComplaints, 'repetitive complaints', 'Art. 2(1)(b)'),
      flag(
        r.regulatoryRequirementsAtRisk,
        'regulatory requirements not met or likely not met',
        'Art. 2(1)(c)',
      ),
      flag(r.clientLossLikely, 'likely loss of clients or counterparts', 'Art. 2(1)(d)'),
    ]),
    result('duration', 'Art. 9(3)', [
      over(impact.durationHours, MATERIALITY.durationHours, 'duration', ' h', 'Art. 9(3)(a)'),
      over(
        impact.criticalServiceDowntimeHours,
        MATERIALITY.criticalDowntimeHours,
        'downtime of critical or important functions',
        ' h',
        'Art. 9(3)(b)',
      ),
    ]),
    result('geographical', 'Art. 9(4)', [
      states === undefined
        ? { met: null, reason: 'member states impacted: not known (Art. 9(4))' }
        : {
            met: new Set(states).size >= MATERIALITY.memberStates,
            reason: `member states impacted: ${new Set(states).size} (${[...new Set(states)].join(', ') || 'none'}), threshold ${MATERIALITY.memberStates} (Art. 9(4))`,
          },
    ]),
    result('data-losses', 'Art. 9(5)(a)', [
      flag(impact.dataLosses.adverseImpact, 'data losses with adverse impact', 'Art. 9(5)(a)'),
    ]),
    result('malicious-access', 'Art. 9(5)(b)', [
      flag(
        impact.dataLosses.maliciousUnauthorisedAccess,
        'successful malicious unauthorised access',
        'Art. 9(5)(b)',
      ),
    ]),
    result('economic', 'Art. 9(6)', [
      over(impact.economicImpactEUR, MATERIALITY.economicImpactEUR, 'costs and losses', ' EUR', 'Art. 9(6)'),
    ]),
  ];
}

/**
 * Classifies an ICT-related incident under Delegated Regulation (EU) 2024/1772 Art. 8(1): major when critical
 * services are affected (Art. 6) and either the malicious-access threshold of Art. 9(5)(b) is met or two or more
 * of the other thresholds of Art. 9(1)-(6) are met. Recurring incidents (Art. 8(2)) are not aggregated here.
 */
export function classifyIncident(impact: IncidentImpact): IncidentClassification {
  const results = criteria(impact);
  const others = results.filter((r) => r.criterion !== 'malicious-access');
  const othersMet = others.filter((r) => r.met === true).length;
  const othersUnknown = others.filter((r) => r.met === null).length;
  const malicious = results.find((r) => r.criterion === 'malicious-access')?.met ?? null;
  // Art. 6(c): a successful malicious unauthorised access is itself an effect on critical services.
  const gate = impact.criticalServicesAffected || malicious === true;
  const major = gate && (malicious === true || othersMet >= 2);
  const couldBecomeMajor = gate && !major && (malicious === null || othersMet + othersUnknown >= 2);
  const reasons: string[] = [];
  if (!gate)
    reasons.push(
      'not major: no critical service affected, the mandatory condition of Art. 8(1) (critical services as in Art. 6)',
    );
  else if (malicious === true)
    reasons.push('major: critical services affected and the threshold of Art. 9(5)(b) is met (Art. 8(1)(a))');
  else if (othersMet >= 2)
    reasons.push(`major: critical services affected and ${othersMet} other thresholds met (Art. 8(1)(b))`);
  else
    reasons.push(
      `not major: critical services affected but only ${othersMet} other threshold(s) met; Art. 8(1)(b) needs two`,
    );
  if (couldBecomeMajor)
    reasons.push(`undetermined: ${othersUnknown} criterion(s) lack data and could make the incident major`);
  return {
    major,
    determined: !couldBecomeMajor,
    criticalServicesAffected: gate,
    otherThresholdsMet: othersMet,
    criteria: results,
    reasons,
  };
}
