import {
  ISSUANCE_ROLES,
  LEGAL_STATUSES,
  MEMBER_STATES,
  SERVICE_KEYS,
  parseProfile,
  scope,
  type Profile,
} from '@mica-audit/core';
import { loadValidCatalogue } from '@mica-audit/catalog';
import { fmt, mean, percentile, timeEach } from './stats.ts';

/** A deterministic pseudo-random generator, so every run scopes the same 1,000 profiles. */
function rng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function randomProfiles(count: number): Profile[] {
  const random = rng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const some = <T>(list: readonly T[]) => list.filter(() => random() < 0.3);
  return Array.from({ length: count }, (_, i) => {
    const legalStatus = pick(LEGAL_STATUSES);
    const issuance = some(ISSUANCE_ROLES).filter(
      (r) => r !== 'emt' || legalStatus === 'credit-institution' || legalStatus === 'emi',
    );
    return parseProfile({
      name: `Firm ${i}`,
      memberState: pick(MEMBER_STATES),
      legalStatus,
      services: legalStatus === 'none' ? [] : some(SERVICE_KEYS),
      issuance,
      facts: {
        activeUsersEU: Math.floor(random() * 30_000_000),
        fixedOverheadsEUR: Math.floor(random() * 5_000_000),
        holdsClientCryptoAssets: random() < 0.5,
        holdsClientFunds: random() < 0.5,
        outsourcesOperationalFunctions: random() < 0.5,
        significantToken: random() < 0.1,
        tlptDesignated: random() < 0.1,
      },
    });
  });
}

/** Scopes the bundled catalogue for 1,000 random profiles; target under 1 ms per profile. */
export default async function (): Promise<void> {
  const catalogue = await loadValidCatalogue();
  const requirements = catalogue.libraries.reduce(
    (n, l) => n + l.nodes.filter((x) => x.assessable).length,
    0,
  );
  const profiles = randomProfiles(1_000);
  // Baseline: the least any scoping must do, one result object per requirement per profile.
  const nodes = catalogue.libraries.flatMap((l) => l.nodes.filter((x) => x.assessable));
  const baseline = () =>
    timeEach(profiles.length, (i) =>
      nodes.map((n) => ({ urn: n.urn, applicable: i % 2 === 0, reasons: [n.title] })),
    );
  const measured = () => timeEach(profiles.length, (i) => scope(profiles[i] as Profile, catalogue));
  baseline();
  measured(); // warm-up
  const base = baseline().sort((a, b) => a - b);
  const runs = measured().sort((a, b) => a - b);
  const perProfileUs = mean(runs) * 1000;
  console.log(
    `catalogue: ${catalogue.libraries.length} libraries, ${requirements} assessable requirements; 1,000 random profiles`,
  );
  console.log(
    `scope:    mean ${fmt(perProfileUs)} µs/profile, p50 ${fmt(percentile(runs, 50) * 1000)} µs, p99 ${fmt(percentile(runs, 99) * 1000)} µs (target < 1,000 µs)`,
  );
  console.log(`baseline: mean ${fmt(mean(base) * 1000)} µs/profile (one result object per requirement)`);
  console.log(`ratio to baseline: ${fmt(mean(runs) / mean(base), 2)}×`);
}
