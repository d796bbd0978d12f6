import { describe, expect, it } from 'vitest';
import { parseProfile } from '../profile/parse-profile.ts';
import { artOwnFundsRequirement } from './art-issuer.ts';

const issuer = (facts: Record<string, unknown>) =>
  parseProfile({ name: 'Basket Token SA', memberState: 'LU', legalStatus: 'none', issuance: ['art'], facts });

describe('golden scenario: ART issuer with a EUR 40m reserve and EUR 1m overheads', () => {
  it('is driven by 2 % of the reserve', () => {
    expect(
      artOwnFundsRequirement(issuer({ tokenReserveAverageEUR: 40_000_000, fixedOverheadsEUR: 1_000_000 })),
    ).toMatchObject({
      applicable: true,
      floorEUR: 350_000,
      reserveComponentEUR: 800_000,
      fixedOverheadsQuarterEUR: 250_000,
      requiredOwnFundsEUR: 800_000,
    });
  });

  it('uses 3 % once the token is significant', () => {
    const result = artOwnFundsRequirement(
      issuer({ tokenReserveAverageEUR: 40_000_000, fixedOverheadsEUR: 1_000_000, significantToken: true }),
    );
    expect(result).toMatchObject({ reserveComponentEUR: 1_200_000, requiredOwnFundsEUR: 1_200_000 });
    expect(result.reasons[1]).toContain('Art. 45(5)');
  });
});

describe('golden scenario: small ART issuer, overheads unknown', () => {
  it('is held at the EUR 350,000 floor', () => {
    const result = artOwnFundsRequirement(issuer({ tokenReserveAverageEUR: 5_000_000 }));
    expect(result).toMatchObject({
      reserveComponentEUR: 100_000,
      fixedOverheadsQuarterEUR: null,
      requiredOwnFundsEUR: 350_000,
    });
    expect(result.reasons).toContain('fixed overheads unknown: add facts.fixedOverheadsEUR (Art. 35(1)(c))');
  });

  it('does not apply to a non-issuer', () => {
    const result = artOwnFundsRequirement(
      parseProfile({ name: 'X', memberState: 'FR', legalStatus: 'casp', services: ['advice'] }),
    );
    expect(result).toMatchObject({ applicable: false, requiredOwnFundsEUR: null });
  });
});
