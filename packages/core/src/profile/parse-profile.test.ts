import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { notificationWarnings } from './notification.ts';
import { parseProfile } from './parse-profile.ts';

const valid = {
  name: 'Example Custody SAS',
  memberState: 'FR',
  legalStatus: 'casp',
  services: ['custody', 'transfer'],
  issuance: [],
  facts: { activeUsersEU: 250000, fixedOverheadsEUR: 1800000, holdsClientCryptoAssets: true },
};

function errorOf(value: unknown): DomainError {
  try {
    parseProfile(value);
  } catch (error) {
    if (error instanceof DomainError) return error;
  }
  throw new Error('expected a DomainError');
}

describe('parseProfile', () => {
  it('accepts the profile of PRODUCT.md and fills defaults', () => {
    expect(parseProfile(valid)).toEqual(valid);
    expect(parseProfile({ name: 'X', memberState: 'DE', legalStatus: 'none' })).toEqual({
      name: 'X',
      memberState: 'DE',
      legalStatus: 'none',
      services: [],
      issuance: [],
      facts: {},
    });
  });

  it('names an unknown service key and lists the valid ones', () => {
    const error = errorOf({ ...valid, services: ['custody', 'staking'] });
    expect(error.code).toBe('profile.invalid');
    expect(error.message).toContain(
      'services[1]: unknown service key "staking"; valid values: custody, trading-platform, exchange-funds',
    );
  });

  it('rejects a member state that is not an EU or EEA ISO code', () => {
    expect(errorOf({ ...valid, memberState: 'UK' }).message).toContain(
      'memberState: unknown member state "UK"; use an ISO 3166-1 alpha-2 code',
    );
    expect(errorOf({ ...valid, memberState: 'fr' }).message).toContain(
      'memberState: unknown member state "fr"',
    );
  });

  it('rejects EMT issuance by an entity that is neither a credit institution nor an EMI (MiCA Art. 48(1))', () => {
    const error = errorOf({ ...valid, issuance: ['emt'] });
    expect(error.message).toContain(
      'issuance: "emt" requires legalStatus credit-institution or emi (MiCA Art. 48(1)(a)); legalStatus is "casp"',
    );
    expect(parseProfile({ ...valid, legalStatus: 'emi', services: [], issuance: ['emt'] }).issuance).toEqual([
      'emt',
    ]);
  });

  it('rejects unknown fields, unknown facts, wrong fact types and duplicates', () => {
    expect(errorOf({ ...valid, sector: 'x' }).message).toContain('unknown field(s) sector');
    expect(errorOf({ ...valid, facts: { users: 3 } }).message).toContain('facts.users: unknown fact');
    expect(errorOf({ ...valid, facts: { activeUsersEU: 'many' } }).message).toContain(
      'facts.activeUsersEU: must be a non-negative number',
    );
    expect(errorOf({ ...valid, services: ['custody', 'custody'] }).message).toContain(
      'services[1]: service "custody" is listed twice',
    );
    expect(errorOf({ ...valid, legalStatus: 'bank' }).message).toContain(
      'legalStatus: unknown legal status "bank"; valid values: casp, credit-institution',
    );
    expect(errorOf({ memberState: 'FR', legalStatus: 'casp' }).message).toContain('name: required');
  });

  it('warns when a notifying entity lists a service outside its Art. 60 paragraph', () => {
    expect(
      notificationWarnings(parseProfile({ ...valid, legalStatus: 'csd', services: ['custody', 'transfer'] })),
    ).toEqual([
      'csd may notify only custody under MiCA Art. 60(2); "transfer" would need authorisation as a CASP',
    ]);
    expect(notificationWarnings(parseProfile({ ...valid, legalStatus: 'credit-institution' }))).toEqual([]);
  });
});
