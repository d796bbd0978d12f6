import { describe, expect, it } from 'vitest';
import { parseProfile } from '../profile/parse-profile.ts';
import { significantArt, significantCasp } from './significance.ts';

const casp = (activeUsersEU?: number) =>
  parseProfile({
    name: 'Big Exchange',
    memberState: 'MT',
    legalStatus: 'casp',
    services: ['exchange-funds'],
    facts: activeUsersEU === undefined ? {} : { activeUsersEU },
  });

describe('golden scenario: significant CASP threshold (Art. 85(1))', () => {
  it('is significant from 15 million average active users', () => {
    expect(significantCasp(casp(15_000_000))).toMatchObject({
      applicable: true,
      significant: true,
      activeUsersEU: 15_000_000,
    });
    expect(significantCasp(casp(14_999_999)).significant).toBe(false);
    expect(significantCasp(casp(16_000_000)).reasons).toEqual([
      '16,000,000 average active users in the Union ≥ 15,000,000 (Art. 85(1)); notify the competent authority within two months (Art. 85(2))',
    ]);
  });

  it('is undetermined without the user count', () => {
    expect(significantCasp(casp())).toMatchObject({ significant: null, activeUsersEU: null });
  });
});

const art = (facts: Record<string, unknown>) =>
  parseProfile({ name: 'Basket Token SA', memberState: 'LU', legalStatus: 'none', issuance: ['art'], facts });

describe('golden scenario: large ART meeting three criteria (Art. 43)', () => {
  const result = significantArt(
    art({
      tokenHolders: 12_000_000,
      tokenValueEUR: 6_000_000_000,
      tokenDailyTransactions: 3_000_000,
      tokenDailyTransactionValueEUR: 600_000_000,
      issuerIsGatekeeper: false,
      issuerHasOtherTokensAndServices: false,
    }),
    { internationalSignificance: false, interconnectedness: false },
  );

  it('is significant with criteria a, b and c', () => {
    expect(result.significant).toBe(true);
    expect(result.metCount).toBe(3);
    expect(result.criteria.map((c) => [c.point, c.met])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
      ['d', false],
      ['e', false],
      ['f', false],
      ['g', false],
    ]);
    expect(result.reasons[0]).toBe('3 criteria met: at least 3 make the ART significant (Art. 43(2))');
  });

  it('needs both the number and the value of transactions for point (c)', () => {
    const lowValue = significantArt(
      art({
        tokenHolders: 12_000_000,
        tokenDailyTransactions: 3_000_000,
        tokenDailyTransactionValueEUR: 400_000_000,
      }),
    );
    expect(lowValue.criteria.find((c) => c.point === 'c')?.met).toBe(false);
    expect(lowValue).toMatchObject({ metCount: 1, unknownCount: 5, significant: null });
  });

  it('is not significant when too few criteria can still be met', () => {
    const small = significantArt(
      art({
        tokenHolders: 1000,
        tokenValueEUR: 1_000_000,
        tokenDailyTransactions: 10,
        tokenDailyTransactionValueEUR: 10,
        issuerIsGatekeeper: false,
        issuerHasOtherTokensAndServices: false,
      }),
    );
    expect(small).toMatchObject({ metCount: 0, unknownCount: 2, significant: false });
  });
});
