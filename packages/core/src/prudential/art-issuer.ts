import type { PrudentialProfile } from './prudential.schema.ts';

/** MiCA Art. 35(1)(a)-(c) and Art. 45(5) figures (see prudential/README.md for what was verified). */
export const ART_OWN_FUNDS = {
  floorEUR: 350_000,
  reserveShare: 0.02,
  significantReserveShare: 0.03,
  overheadsShare: 0.25,
} as const;

export interface ArtOwnFundsRequirement {
  readonly applicable: boolean;
  readonly floorEUR: number | null;
  readonly reserveComponentEUR: number | null;
  readonly fixedOverheadsQuarterEUR: number | null;
  readonly requiredOwnFundsEUR: number | null;
  readonly reasons: string[];
}

const euro = (n: number) => `EUR ${n.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;

/**
 * Own funds of an issuer of asset-referenced tokens (MiCA Art. 35(1)): the highest of EUR 350,000, 2 % of the
 * average reserve of assets (3 % for a significant ART, Art. 45(5)) and a quarter of the preceding year's fixed
 * overheads. Components whose fact is missing are left out and reported.
 */
export function artOwnFundsRequirement(profile: PrudentialProfile): ArtOwnFundsRequirement {
  if (!profile.issuance.includes('art')) {
    return {
      applicable: false,
      floorEUR: null,
      reserveComponentEUR: null,
      fixedOverheadsQuarterEUR: null,
      requiredOwnFundsEUR: null,
      reasons: ['Art. 35 does not apply: the entity does not issue asset-referenced tokens'],
    };
  }
  const reasons = [`floor ${euro(ART_OWN_FUNDS.floorEUR)} (Art. 35(1), first subparagraph, point (a))`];
  const significant = profile.facts.significantToken === true;
  const share = significant ? ART_OWN_FUNDS.significantReserveShare : ART_OWN_FUNDS.reserveShare;
  const reserve = profile.facts.tokenReserveAverageEUR;
  let reserveComponent: number | null = null;
  if (typeof reserve === 'number') {
    reserveComponent = reserve * share;
    reasons.push(
      `${share * 100} % of the average reserve of assets ${euro(reserve)} = ${euro(reserveComponent)} (${significant ? 'significant ART: Art. 45(5)' : 'Art. 35(1), first subparagraph, point (b)'}; end-of-day average over the preceding six months, summed across ARTs, Art. 35(1), second and third subparagraphs)`,
    );
  } else {
    reasons.push('average reserve of assets unknown: add facts.tokenReserveAverageEUR (Art. 35(1)(b))');
  }
  const overheads = profile.facts.fixedOverheadsEUR;
  let quarter: number | null = null;
  if (typeof overheads === 'number') {
    quarter = overheads * ART_OWN_FUNDS.overheadsShare;
    reasons.push(
      `a quarter of the preceding year's fixed overheads ${euro(overheads)} = ${euro(quarter)} (Art. 35(1)(c), computed per Art. 67(3))`,
    );
  } else {
    reasons.push('fixed overheads unknown: add facts.fixedOverheadsEUR (Art. 35(1)(c))');
  }
  const required = Math.max(ART_OWN_FUNDS.floorEUR, reserveComponent ?? 0, quarter ?? 0);
  reasons.push(
    `required own funds ${euro(required)}: the highest of the known amounts (Art. 35(1)); the competent authority may require up to 20 % more than the point (b) amount (Art. 35(2))`,
  );
  if (profile.legalStatus === 'credit-institution') {
    reasons.push(
      'credit institutions issue ARTs under Art. 17: check whether Art. 35 applies to them (not verified in this release)',
    );
  }
  return {
    applicable: true,
    floorEUR: ART_OWN_FUNDS.floorEUR,
    reserveComponentEUR: reserveComponent,
    fixedOverheadsQuarterEUR: quarter,
    requiredOwnFundsEUR: required,
    reasons,
  };
}
