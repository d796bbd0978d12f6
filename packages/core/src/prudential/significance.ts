import type { PrudentialProfile, SignificanceJudgement } from './prudential.schema.ts';

/** MiCA Art. 85(1): average active users in the Union over the preceding calendar year. */
export const SIGNIFICANT_CASP_ACTIVE_USERS = 15_000_000;

/** MiCA Art. 43(1) thresholds and Art. 43(2) count (verified, see prudential/README.md). */
export const SIGNIFICANT_ART = {
  holders: 10_000_000,
  valueEUR: 5_000_000_000,
  dailyTransactions: 2_500_000,
  dailyTransactionValueEUR: 500_000_000,
  criteriaNeeded: 3,
} as const;

export interface SignificantCasp {
  readonly applicable: boolean;
  readonly significant: boolean | null;
  readonly activeUsersEU: number | null;
  readonly thresholdActiveUsers: number;
  readonly reasons: string[];
}

const n = (value: number) => value.toLocaleString('en-GB');

/** Whether a crypto-asset service provider is significant under MiCA Art. 85(1) (null when the user count is unknown). */
export function significantCasp(profile: PrudentialProfile): SignificantCasp {
  const base = { thresholdActiveUsers: SIGNIFICANT_CASP_ACTIVE_USERS };
  if (profile.services.length === 0) {
    return {
      ...base,
      applicable: false,
      significant: null,
      activeUsersEU: null,
      reasons: ['Art. 85 does not apply: no crypto-asset service is provided'],
    };
  }
  const users = profile.facts.activeUsersEU;
  if (typeof users !== 'number') {
    return {
      ...base,
      applicable: true,
      significant: null,
      activeUsersEU: null,
      reasons: [
        'active users unknown: add facts.activeUsersEU, the average daily number of active users in the Union over the preceding calendar year (Art. 85(1))',
      ],
    };
  }
  const significant = users >= SIGNIFICANT_CASP_ACTIVE_USERS;
  return {
    ...base,
    applicable: true,
    significant,
    activeUsersEU: users,
    reasons: [
      `${n(users)} average active users in the Union ${significant ? '≥' : '<'} ${n(SIGNIFICANT_CASP_ACTIVE_USERS)} (Art. 85(1))${significant ? '; notify the competent authority within two months (Art. 85(2))' : ''}`,
    ],
  };
}

export type ArtCriterionPoint = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';

export interface ArtCriterion {
  readonly point: ArtCriterionPoint;
  readonly met: boolean | null;
  readonly reason: string;
}

export interface SignificantArt {
  readonly applicable: boolean;
  /** Null when unknown criteria could still change the outcome. */
  readonly significant: boolean | null;
  readonly criteria: readonly ArtCriterion[];
  readonly metCount: number;
  readonly unknownCount: number;
  readonly reasons: string[];
}

function above(
  point: ArtCriterionPoint,
  value: number | boolean | undefined,
  limit: number,
  what: string,
  unit = '',
): ArtCriterion {
  if (typeof value !== 'number')
    return { point, met: null, reason: `${what} unknown (Art. 43(1)(${point}))` };
  const met = value > limit;
  return {
    point,
    met,
    reason: `${what} ${n(value)}${unit} ${met ? '>' : '≤'} ${n(limit)}${unit} (Art. 43(1)(${point}))`,
  };
}

function yesNo(point: ArtCriterionPoint, value: boolean | number | undefined, what: string): ArtCriterion {
  if (typeof value !== 'boolean')
    return { point, met: null, reason: `${what}: not assessed (Art. 43(1)(${point}))` };
  return { point, met: value, reason: `${what}: ${value ? 'yes' : 'no'} (Art. 43(1)(${point}))` };
}

function transactions(profile: PrudentialProfile): ArtCriterion {
  const count = profile.facts.tokenDailyTransactions;
  const value = profile.facts.tokenDailyTransactionValueEUR;
  if (typeof count !== 'number' || typeof value !== 'number') {
    return {
      point: 'c',
      met: null,
      reason: 'average daily number or value of transactions unknown (Art. 43(1)(c))',
    };
  }
  const met = count > SIGNIFICANT_ART.dailyTransactions && value > SIGNIFICANT_ART.dailyTransactionValueEUR;
  return {
    point: 'c',
    met,
    reason: `${n(count)} transactions and EUR ${n(value)} per day; both must exceed ${n(SIGNIFICANT_ART.dailyTransactions)} and EUR ${n(SIGNIFICANT_ART.dailyTransactionValueEUR)} (Art. 43(1)(c))`,
  };
}

/**
 * Which criteria of MiCA Art. 43(1) an asset-referenced token meets; the EBA classifies it as significant when at
 * least three are met (Art. 43(2)). Points (e) and (f) are qualitative and come from the auditor's judgement.
 */
export function significantArt(
  profile: PrudentialProfile,
  judgement: SignificanceJudgement = {},
): SignificantArt {
  if (!profile.issuance.includes('art')) {
    return {
      applicable: false,
      significant: null,
      criteria: [],
      metCount: 0,
      unknownCount: 0,
      reasons: ['Art. 43 does not apply: the entity does not issue asset-referenced tokens'],
    };
  }
  const f = profile.facts;
  const criteria: ArtCriterion[] = [
    above('a', f.tokenHolders, SIGNIFICANT_ART.holders, 'holders'),
    above('b', f.tokenValueEUR, SIGNIFICANT_ART.valueEUR, 'value, market capitalisation or reserve', ' EUR'),
    transactions(profile),
    yesNo('d', f.issuerIsGatekeeper, 'issuer designated as a gatekeeper under Regulation (EU) 2022/1925'),
    yesNo(
      'e',
      judgement.internationalSignificance,
      'significance of the activities on an international scale',
    ),
    yesNo('f', judgement.interconnectedness, 'interconnectedness with the financial system'),
    yesNo(
      'g',
      f.issuerHasOtherTokensAndServices,
      'issuer issues another ART or EMT and provides a crypto-asset service',
    ),
  ];
  const metCount = criteria.filter((c) => c.met === true).length;
  const unknownCount = criteria.filter((c) => c.met === null).length;
  const needed = SIGNIFICANT_ART.criteriaNeeded;
  const significant = metCount >= needed ? true : metCount + unknownCount < needed ? false : null;
  const verdict =
    significant === true
      ? `${metCount} criteria met: at least ${needed} make the ART significant (Art. 43(2))`
      : significant === false
        ? `${metCount} criteria met, fewer than the ${needed} of Art. 43(2)`
        : `${metCount} criteria met and ${unknownCount} unknown: the ${needed} of Art. 43(2) may still be reached`;
  return {
    applicable: true,
    significant,
    criteria,
    metCount,
    unknownCount,
    reasons: [verdict, ...criteria.map((c) => c.reason)],
  };
}
