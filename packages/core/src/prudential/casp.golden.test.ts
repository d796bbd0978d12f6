import { describe, expect, it } from 'vitest';
import { parseProfile } from '../profile/parse-profile.ts';
import { caspPrudentialRequirement } from './casp.ts';

const profile = (extra: Record<string, unknown>) =>
  parseProfile({ name: 'Example SAS', memberState: 'FR', legalStatus: 'casp', ...extra });

describe('golden scenario: custody and transfer CASP with EUR 1.8m fixed overheads (PRODUCT.md example)', () => {
  it('requires a quarter of the overheads, above the class 2 minimum', () => {
    const result = caspPrudentialRequirement(
      profile({ services: ['custody', 'transfer'], facts: { fixedOverheadsEUR: 1_800_000 } }),
    );
    expect(result).toEqual({
      applicable: true,
      class: 2,
      permanentMinimumEUR: 125_000,
      fixedOverheadsQuarterEUR: 450_000,
      requiredOwnFundsEUR: 450_000,
      reasons: [
        'Annex IV class 2: the highest class among the services, set by custody (Art. 3(1)(16)(a))',
        'permanent minimum capital EUR 125,000 (Art. 67(1)(a), Annex IV class 2)',
        "a quarter of the preceding year's fixed overheads: EUR 1,800,000 / 4 = EUR 450,000 (Art. 67(1)(b), computed per Art. 67(3); projected figures for a firm in business for less than a year, Art. 67(2))",
        'required prudential safeguards EUR 450,000: the higher of the two amounts (Art. 67(1)), held as own funds, an insurance policy or both (Art. 67(4))',
      ],
    });
  });
});

describe('golden scenario: trading platform with advice and EUR 400,000 overheads', () => {
  it('takes class 3 from the trading platform and its minimum as the higher amount', () => {
    const result = caspPrudentialRequirement(
      profile({ services: ['advice', 'trading-platform'], facts: { fixedOverheadsEUR: 400_000 } }),
    );
    expect(result).toMatchObject({
      class: 3,
      permanentMinimumEUR: 150_000,
      fixedOverheadsQuarterEUR: 100_000,
      requiredOwnFundsEUR: 150_000,
    });
  });
});

describe('golden scenario: advice-only CASP without overheads figure', () => {
  it('falls back on the class 1 minimum and says the overheads are missing', () => {
    const result = caspPrudentialRequirement(profile({ services: ['advice'] }));
    expect(result).toMatchObject({
      class: 1,
      permanentMinimumEUR: 50_000,
      fixedOverheadsQuarterEUR: null,
      requiredOwnFundsEUR: 50_000,
    });
    expect(result.reasons[2]).toContain('fixed overheads unknown');
  });
});

describe('golden scenario: investment firm notifying under Art. 60', () => {
  it('is outside Art. 67', () => {
    const result = caspPrudentialRequirement(
      profile({ legalStatus: 'investment-firm', services: ['execution'] }),
    );
    expect(result).toEqual({
      applicable: false,
      class: null,
      permanentMinimumEUR: null,
      fixedOverheadsQuarterEUR: null,
      requiredOwnFundsEUR: null,
      reasons: [
        'Art. 67 does not apply: an entity with legalStatus investment-firm provides crypto-asset services by notification under Art. 60, which disapplies Art. 67 (Art. 60(10)); its own prudential regime applies',
      ],
    });
  });

  it('rejects a CASP without services', () => {
    expect(() => caspPrudentialRequirement(profile({ services: [] }))).toThrow(
      expect.objectContaining({ code: 'prudential.no_services' }),
    );
  });
});
