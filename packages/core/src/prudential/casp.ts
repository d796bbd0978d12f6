import { DomainError } from '../errors.ts';
import { SERVICE_KEYS, SERVICES, type ServiceKey } from '../profile/vocabulary.ts';
import type { PrudentialProfile } from './prudential.schema.ts';

export type AnnexIvClass = 1 | 2 | 3;

/** MiCA Annex IV: the class each crypto-asset service puts a CASP in (verified, see prudential/README.md). */
export const ANNEX_IV_CLASS: Readonly<Record<ServiceKey, AnnexIvClass>> = {
  custody: 2,
  'trading-platform': 3,
  'exchange-funds': 2,
  'exchange-crypto': 2,
  execution: 1,
  placing: 1,
  'reception-transmission': 1,
  advice: 1,
  'portfolio-management': 1,
  transfer: 1,
};

/** MiCA Annex IV, minimum capital requirements under Art. 67(1)(a). */
export const PERMANENT_MINIMUM_EUR: Readonly<Record<AnnexIvClass, number>> = {
  1: 50_000,
  2: 125_000,
  3: 150_000,
};

export interface CaspPrudentialRequirement {
  readonly applicable: boolean;
  readonly class: AnnexIvClass | null;
  readonly permanentMinimumEUR: number | null;
  readonly fixedOverheadsQuarterEUR: number | null;
  readonly requiredOwnFundsEUR: number | null;
  readonly reasons: string[];
}

const euro = (n: number) => `EUR ${n.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;

/**
 * Prudential safeguards of a CASP under MiCA Art. 67(1): the higher of the Annex IV permanent minimum of its
 * highest-class service and a quarter of the preceding year's fixed overheads. Entities providing services by
 * notification under Art. 60 are outside Art. 67.
 */
export function caspPrudentialRequirement(profile: PrudentialProfile): CaspPrudentialRequirement {
  if (profile.legalStatus !== 'casp') {
    const reason =
      profile.legalStatus === 'none'
        ? 'Art. 67 does not apply: the entity is not a crypto-asset service provider (legalStatus none)'
        : `Art. 67 does not apply: an entity with legalStatus ${profile.legalStatus} provides crypto-asset services by notification under Art. 60, which disapplies Art. 67 (Art. 60(10)); its own prudential regime applies`;
    return {
      applicable: false,
      class: null,
      permanentMinimumEUR: null,
      fixedOverheadsQuarterEUR: null,
      requiredOwnFundsEUR: null,
      reasons: [reason],
    };
  }
  if (profile.services.length === 0) {
    throw new DomainError(
      'prudential.no_services',
      'the CASP profile lists no crypto-asset service; add the authorised services (MiCA Art. 3(1)(16)) to find the Annex IV class',
      { path: 'services' },
    );
  }
  const ordered = SERVICE_KEYS.filter((s) => profile.services.includes(s));
  const cls = Math.max(...ordered.map((s) => ANNEX_IV_CLASS[s])) as AnnexIvClass;
  const deciding = ordered.filter((s) => ANNEX_IV_CLASS[s] === cls);
  const minimum = PERMANENT_MINIMUM_EUR[cls];
  const reasons = [
    `Annex IV class ${cls}: the highest class among the services, set by ${deciding.map((s) => `${s} (Art. 3(1)(16)(${SERVICES[s].point}))`).join(', ')}`,
    `permanent minimum capital ${euro(minimum)} (Art. 67(1)(a), Annex IV class ${cls})`,
  ];
  const overheads = profile.facts.fixedOverheadsEUR;
  let quarter: number | null = null;
  if (typeof overheads === 'number') {
    quarter = overheads / 4;
    reasons.push(
      `a quarter of the preceding year's fixed overheads: ${euro(overheads)} / 4 = ${euro(quarter)} (Art. 67(1)(b), computed per Art. 67(3); projected figures for a firm in business for less than a year, Art. 67(2))`,
    );
  } else {
    reasons.push(
      'fixed overheads unknown: add facts.fixedOverheadsEUR (Art. 67(1)(b), 67(3)); until then the requirement shown is only the Annex IV floor',
    );
  }
  const required = Math.max(minimum, quarter ?? 0);
  reasons.push(
    `required prudential safeguards ${euro(required)}: the higher of the two amounts (Art. 67(1)), held as own funds, an insurance policy or both (Art. 67(4))`,
  );
  return {
    applicable: true,
    class: cls,
    permanentMinimumEUR: minimum,
    fixedOverheadsQuarterEUR: quarter,
    requiredOwnFundsEUR: required,
    reasons,
  };
}
