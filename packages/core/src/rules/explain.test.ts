import { describe, expect, it } from 'vitest';
import { FACTS, type FactName } from '../profile/facts.ts';
import { parseProfile } from '../profile/parse-profile.ts';
import type { Profile } from '../profile/profile.schema.ts';
import {
  ISSUANCE_LABELS,
  ISSUANCE_ROLES,
  LEGAL_STATUSES,
  MEMBER_STATES,
  SERVICE_KEYS,
  SERVICES,
} from '../profile/vocabulary.ts';
import { test as holds } from './evaluate.ts';
import { describePredicate } from './explain.ts';
import { parseRule } from './parser.ts';
import type { CompareOp, Rule, Text } from './rule.types.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const casp = parseProfile({
  name: 'Example Custody SAS',
  memberState: 'FR',
  legalStatus: 'casp',
  services: ['custody', 'transfer'],
  issuance: ['art'],
  facts: { activeUsersEU: 250_000, holdsClientFunds: false },
});

function explain(source: string, profile: Profile = casp): Text {
  const rule = parseRule(source);
  return describePredicate(rule, profile, holds(rule, profile));
}

const FACT_NAMES = Object.keys(FACTS) as FactName[];
const OPS: readonly CompareOp[] = ['>=', '>', '<=', '<', '==', '!='];

/** Every predicate form over every value of the vocabularies, on profiles that make each one true and false. */
function everyReason(): Text[] {
  const profiles = [
    casp,
    parseProfile({
      name: 'Example Bank',
      memberState: 'IE',
      legalStatus: 'credit-institution',
      services: [...SERVICE_KEYS],
      issuance: [...ISSUANCE_ROLES],
      facts: Object.fromEntries(FACT_NAMES.map((f) => [f, FACTS[f].type === 'number' ? 1_500_000 : true])),
    }),
    parseProfile({ name: 'Example Foundation', memberState: 'LU', legalStatus: 'none', services: [] }),
    ...LEGAL_STATUSES.map((legalStatus) => ({ ...casp, legalStatus })),
    ...MEMBER_STATES.map((memberState) => ({ ...casp, memberState })),
  ];
  const rules: Rule[] = [
    { kind: 'const', value: true },
    { kind: 'const', value: false },
    { kind: 'service', values: [...SERVICE_KEYS] },
    { kind: 'issuance', values: [...ISSUANCE_ROLES] },
    { kind: 'legalStatus', negated: false, values: ['casp'] },
    { kind: 'memberState', negated: false, values: ['FR'] },
    ...SERVICE_KEYS.map((key): Rule => ({ kind: 'service', values: [key] })),
    ...SERVICE_KEYS.slice(1).map((key): Rule => ({ kind: 'service', values: ['placing', key] })),
    ...ISSUANCE_ROLES.map((role): Rule => ({ kind: 'issuance', values: [role] })),
    ...ISSUANCE_ROLES.slice(1).map((role): Rule => ({ kind: 'issuance', values: ['art', role] })),
    ...FACT_NAMES.flatMap((fact): Rule[] =>
      FACTS[fact].type === 'boolean'
        ? [{ kind: 'factFlag', fact }]
        : OPS.map((op) => ({ kind: 'factCompare', fact, op, value: 1_000_000 })),
    ),
  ];
  return profiles.flatMap((profile) =>
    rules.map((rule) => describePredicate(rule, profile, holds(rule, profile))),
  );
}

const KEYS = new Set<string>([...SERVICE_KEYS, ...ISSUANCE_ROLES, ...LEGAL_STATUSES]);

/** The words of a sentence that are profile keys, outside `facts.x` (the field to fill in, named on purpose). */
function rawKeys(sentence: string, allowed: readonly string[] = []): string[] {
  return sentence
    .replace(/facts\.\w+/g, '')
    .split(/[\s,;:()«»'/]+/)
    .filter((word) => KEYS.has(word) && !allowed.includes(word));
}

describe('describePredicate wording', () => {
  it('elides "de" before an issuer role that starts with a vowel', () => {
    expect(explain('issuance in [art]').fr).toBe(
      "agit en qualité d'émetteur de jetons se référant à un ou des actifs",
    );
    expect(explain('issuance in [emt]').fr).toBe(
      "n'agit pas en qualité d'émetteur de jetons de monnaie électronique",
    );
    expect(explain('issuance in [other-crypto-offer, admission-to-trading]')).toEqual({
      en: 'acts neither as offeror of crypto-assets other than ARTs or EMTs nor as person seeking admission to trading of crypto-assets',
      fr: `n'agit en qualité ni d'${ISSUANCE_LABELS['other-crypto-offer'].fr} ni de ${ISSUANCE_LABELS['admission-to-trading'].fr}`,
    });
  });

  it('names services by their MiCA name and point, never by their key', () => {
    expect(explain('service in [custody, advice]')).toEqual({
      en: 'service provided: custody and administration of crypto-assets on behalf of clients (MiCA Art. 3(1)(16), point a)',
      fr: `service fourni${NBSP}: conservation et administration de crypto-actifs pour le compte de clients (MiCA, art. 3, par. 1, point 16, a)`,
    });
    expect(explain('service in [exchange-funds, exchange-crypto]')).toEqual({
      en: 'provides none of these services: exchange of crypto-assets for funds; exchange of crypto-assets for other crypto-assets (MiCA Art. 3(1)(16), points c and d)',
      fr: `ne fournit aucun des services suivants${NBSP}: échange de crypto-actifs contre des fonds${NNBSP}; échange de crypto-actifs contre d'autres crypto-actifs (MiCA, art. 3, par. 1, point 16, c et d)`,
    });
    for (const key of SERVICE_KEYS) {
      const text = explain(`service in [${key}]`);
      expect(text.en).toContain(SERVICES[key].en);
      expect(text.fr).toContain(SERVICES[key].fr);
      expect(text.fr).not.toMatch(new RegExp(`\\b${key}\\b`));
    }
  });

  it('cites the points in the order of Art. 3(1)(16), whatever the order of the rule', () => {
    const text = explain('service in [transfer, custody]');
    expect(text.en).toMatch(/^services provided: custody .*; providing transfer .*, points a and j\)$/);
    expect(text.fr).toMatch(
      /^services fournis\u00a0: conservation .*\u202f; fourniture .* point 16, a et j\)$/,
    );
  });

  it('says "no crypto-asset service" rather than listing all ten', () => {
    expect(explain(`service in [${SERVICE_KEYS.join(', ')}]`, { ...casp, services: [] })).toEqual({
      en: 'provides no crypto-asset service (MiCA Art. 3(1)(16))',
      fr: 'ne fournit aucun service sur crypto-actifs (MiCA, art. 3, par. 1, point 16)',
    });
  });

  it('names the home member state, with its code', () => {
    expect(explain('memberState == FR')).toEqual({
      en: 'home member state: France (FR)',
      fr: `État membre d'origine${NBSP}: France (FR)`,
    });
  });

  it('states a threshold as a condition met or not met, with French no-break spaces', () => {
    expect(explain('facts.activeUsersEU >= 15000000')).toEqual({
      en: 'average active users in the Union: 250,000 (condition: at least 15,000,000, not met)',
      fr: `nombre moyen d'utilisateurs actifs dans l'Union${NBSP}: 250${NNBSP}000 (condition${NBSP}: au moins 15${NNBSP}000${NNBSP}000, non remplie)`,
    });
    expect(explain('facts.activeUsersEU < 300000').en).toBe(
      'average active users in the Union: 250,000 (condition: less than 300,000, met)',
    );
    expect(explain('facts.tokenValueEUR > 100000000')).toEqual({
      en: 'value of the token issued (EUR): not given (facts.tokenValueEUR; condition: more than 100,000,000, treated as not met)',
      fr: `valeur du jeton émis (EUR)${NBSP}: donnée absente du profil (facts.tokenValueEUR${NNBSP}; condition${NBSP}: plus de 100${NNBSP}000${NNBSP}000, considérée comme non remplie)`,
    });
    expect(explain('facts.outsourcesOperationalFunctions').fr).toBe(
      `externalise des fonctions opérationnelles${NBSP}: donnée absente du profil (facts.outsourcesOperationalFunctions${NNBSP}; traitée comme «${NBSP}non${NBSP}»)`,
    );
  });

  describe('across every predicate, value and outcome', () => {
    const reasons = everyReason();

    it('covers every vocabulary', () => {
      expect(reasons.length).toBeGreaterThan(2_000);
    });

    it('never writes "de", "le", "la", "ne", "que" or "se" before a vowel in French', () => {
      const unelided = /(^|[\s(])(de|le|la|ne|que|se) [aeiouyàâäéèêëîïôöùûü]/i;
      expect(reasons.filter((r) => unelided.test(r.fr)).map((r) => r.fr)).toEqual([]);
    });

    it('puts a no-break space, never a plain one or none, before : ; ! ? in French', () => {
      const badSpace = /( |[^\s\u00a0\u202f])[:;!?]/;
      expect(reasons.filter((r) => badSpace.test(r.fr.replace(/https?:/g, ''))).map((r) => r.fr)).toEqual([]);
    });

    it('names no service, role or status by its profile key', () => {
      expect(reasons.filter((r) => rawKeys(r.fr).length > 0).map((r) => r.fr)).toEqual([]);
      // Keys that are also plain English words; the test above checks each service is named in full.
      const words = ['none', 'custody', 'placing', 'transfer', 'advice', 'execution'];
      expect(reasons.filter((r) => rawKeys(r.en, words).length > 0).map((r) => r.en)).toEqual([]);
    });

    it('writes clean English: no French spacing, no doubled words or spaces', () => {
      const unclean = /[\u00a0\u202f]|\s{2}|\s$|^\s|\b(\w+) \1\b|provides providing|undefined/;
      expect(reasons.filter((r) => unclean.test(r.en)).map((r) => r.en)).toEqual([]);
      expect(reasons.filter((r) => /\s{2}|\s$|^\s|undefined/.test(r.fr)).map((r) => r.fr)).toEqual([]);
    });
  });
});
