import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVICE_KEYS } from '../profile/vocabulary.ts';
import { artOwnFundsRequirement } from './art-issuer.ts';
import { caspPrudentialRequirement } from './casp.ts';

describe('prudential properties', () => {
  it('never requires less than the Annex IV permanent minimum when Art. 67 applies', () => {
    fc.assert(
      fc.property(
        fc.subarray([...SERVICE_KEYS], { minLength: 1 }),
        fc.option(fc.double({ min: 0, max: 1e10, noNaN: true }), { nil: undefined }),
        (services, fixedOverheadsEUR) => {
          const result = caspPrudentialRequirement({
            legalStatus: 'casp',
            services,
            issuance: [],
            facts: fixedOverheadsEUR === undefined ? {} : { fixedOverheadsEUR },
          });
          expect(result.applicable).toBe(true);
          expect(result.requiredOwnFundsEUR!).toBeGreaterThanOrEqual(result.permanentMinimumEUR!);
          expect(result.requiredOwnFundsEUR!).toBeGreaterThanOrEqual(result.fixedOverheadsQuarterEUR ?? 0);
        },
      ),
    );
  });

  it('never requires less than EUR 350,000 from an ART issuer', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e11, noNaN: true }),
        fc.boolean(),
        (tokenReserveAverageEUR, significantToken) => {
          const result = artOwnFundsRequirement({
            legalStatus: 'none',
            services: [],
            issuance: ['art'],
            facts: { tokenReserveAverageEUR, significantToken },
          });
          expect(result.requiredOwnFundsEUR!).toBeGreaterThanOrEqual(350_000);
          expect(result.requiredOwnFundsEUR!).toBeGreaterThanOrEqual(result.reserveComponentEUR!);
        },
      ),
    );
  });
});
