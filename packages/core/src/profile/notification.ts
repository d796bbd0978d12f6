import type { Profile } from './profile.schema.ts';
import type { LegalStatus, ServiceKey } from './vocabulary.ts';

/**
 * Services each financial entity may provide by notification under MiCA Art. 60 (paragraphs 1 to 6). A profile
 * outside these sets is not rejected (the auditor may be scoping a plan), but scoping reports a warning.
 */
const NOTIFIABLE: Partial<Record<LegalStatus, { paragraph: string; services: readonly ServiceKey[] }>> = {
  csd: { paragraph: '2', services: ['custody'] },
  emi: { paragraph: '4', services: ['custody', 'transfer'] },
  'ucits-manco': { paragraph: '5', services: ['reception-transmission', 'advice', 'portfolio-management'] },
  aifm: { paragraph: '5', services: ['reception-transmission', 'advice', 'portfolio-management'] },
  'market-operator': { paragraph: '6', services: ['trading-platform'] },
};

/** Warnings for services a notifying entity cannot provide under its Art. 60 paragraph. */
export function notificationWarnings(profile: Profile): string[] {
  const rule = NOTIFIABLE[profile.legalStatus];
  if (rule === undefined) return [];
  return profile.services
    .filter((service) => !rule.services.includes(service))
    .map(
      (service) =>
        `${profile.legalStatus} may notify only ${rule.services.join(', ')} under MiCA Art. 60(${rule.paragraph}); "${service}" would need authorisation as a CASP`,
    );
}
