import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FUZZ_RUNS, withinLimit } from '../../test/fuzz.ts';
import { DomainError } from '../errors.ts';
import { parseProfile } from './parse-profile.ts';
import { ISSUANCE_ROLES, LEGAL_STATUSES, MEMBER_STATES, SERVICE_KEYS } from './vocabulary.ts';

function onlyTypedErrors(value: unknown): void {
  try {
    withinLimit(() => parseProfile(value));
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'profile.invalid') throw error;
  }
}

const nearlyValid = fc.record(
  {
    name: fc.oneof(fc.string(), fc.constant('Firm'), fc.integer()),
    memberState: fc.oneof(fc.constantFrom(...MEMBER_STATES), fc.string({ maxLength: 3 })),
    legalStatus: fc.oneof(fc.constantFrom(...LEGAL_STATUSES), fc.string()),
    services: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...SERVICE_KEYS), fc.string())), fc.anything()),
    issuance: fc.oneof(fc.array(fc.constantFrom(...ISSUANCE_ROLES)), fc.anything()),
    facts: fc.oneof(
      fc.dictionary(
        fc.oneof(fc.constantFrom('activeUsersEU', 'holdsClientFunds', 'fixedOverheadsEUR'), fc.string()),
        fc.anything(),
      ),
      fc.anything(),
    ),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('fuzz: entity profile validation', () => {
  it('arbitrary JSON values are accepted or rejected with profile.invalid, never crash', () => {
    fc.assert(fc.property(fc.jsonValue(), onlyTypedErrors), { numRuns: FUZZ_RUNS });
  });

  it('mutated profiles are accepted or rejected with profile.invalid', () => {
    fc.assert(fc.property(nearlyValid, onlyTypedErrors), { numRuns: FUZZ_RUNS });
  });
});
