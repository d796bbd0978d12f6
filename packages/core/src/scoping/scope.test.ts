import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalogue, CatalogueNode, Library } from '../catalogue/model.ts';
import { parseProfile } from '../profile/parse-profile.ts';
import { ISSUANCE_ROLES, LEGAL_STATUSES, MEMBER_STATES, SERVICE_KEYS } from '../profile/vocabulary.ts';
import { parseRule } from '../rules/parser.ts';
import { scope } from './scope.ts';
import { toScopeJson } from './scope-json.ts';

function node(urn: string, parent: string | undefined, extra: Partial<CatalogueNode> = {}): CatalogueNode {
  const assessable = extra.assessable ?? extra.source !== undefined;
  return {
    urn,
    library: 'test',
    parent,
    ref: urn.split(':').pop() ?? urn,
    title: { en: `title ${urn}`, fr: `titre ${urn}` },
    statement: undefined,
    assessable,
    source: undefined,
    level2: [],
    rule: undefined,
    ruleText: undefined,
    exemptions: [],
    evidence: [],
    questions: [],
    domains: [],
    ...extra,
  };
}

const P = 'urn:mica-audit:test';
const library: Library = {
  urn: P,
  id: 'test',
  name: { en: 'Test', fr: 'Test' },
  description: { en: 'Test', fr: 'Test' },
  version: '1.0.0',
  publicationDate: '2026-11-22',
  regulation: { shortName: 'MiCA', title: 'test' },
  rule: parseRule('legalStatus != none'),
  ruleText: 'legalStatus != none',
  acts: [],
  nodes: [
    node(`${P}:art-67`, undefined, {
      exemptions: [
        {
          rule: parseRule('legalStatus != casp'),
          when: 'legalStatus != casp',
          reason: { en: 'notified under Art. 60', fr: 'notifié (art. 60)' },
        },
      ],
    }),
    node(`${P}:art-67:1`, `${P}:art-67`, { source: { regulation: 'MiCA', article: '67', paragraph: '1' } }),
    node(`${P}:art-75`, undefined, { rule: parseRule('service in [custody]') }),
    node(`${P}:art-75:1`, `${P}:art-75`, { source: { regulation: 'MiCA', article: '75', paragraph: '1' } }),
    node(`${P}:art-75:8`, `${P}:art-75`, {
      source: { regulation: 'MiCA', article: '75', paragraph: '8', point: 'a' },
      rule: parseRule('facts.holdsClientFunds'),
    }),
    node(`${P}:art-85:1`, undefined, {
      source: { regulation: 'MiCA', article: '85', paragraph: '1' },
      rule: parseRule('facts.activeUsersEU >= 15000000'),
    }),
  ],
};
const catalogue: Catalogue = {
  libraries: [library],
  mappings: [{ from: `${P}:art-75:1`, to: `${P}:art-67:1`, relation: 'subset', rationale: 'test' }],
  domains: [],
};

const custodyCasp = parseProfile({
  name: 'A',
  memberState: 'FR',
  legalStatus: 'casp',
  services: ['custody'],
  facts: { activeUsersEU: 20_000_000 },
});
const bank = parseProfile({
  name: 'B',
  memberState: 'DE',
  legalStatus: 'credit-institution',
  services: ['transfer'],
});

describe('scope', () => {
  it('lists every assessable requirement, applicable or not, in catalogue order', () => {
    const result = scope(custodyCasp, catalogue);
    expect(result.requirements.map((r) => [r.urn.slice(P.length + 1), r.applicable])).toEqual([
      ['art-67:1', true],
      ['art-75:1', true],
      ['art-75:8', false],
      ['art-85:1', true],
    ]);
    expect(result.catalogue).toEqual([{ id: 'test', version: '1.0.0' }]);
  });

  it('gives the inherited clauses as reasons, and the failing clause for an exclusion', () => {
    const [art67, art75, art758] = scope(custodyCasp, catalogue).requirements;
    expect(art67?.reasons.map((r) => r.en)).toEqual([
      'legal status: crypto-asset service provider authorised under MiCA Art. 59/63',
    ]);
    expect(art75?.reasons.map((r) => r.en)).toEqual([
      'legal status: crypto-asset service provider authorised under MiCA Art. 59/63',
      'service provided: custody and administration of crypto-assets on behalf of clients (MiCA Art. 3(1)(16), point a)',
    ]);
    expect(art758?.reasons.map((r) => r.en)).toEqual([
      "holds clients' funds: not given (facts.holdsClientFunds; treated as no)",
    ]);
  });

  it('excludes with the exemption reason first', () => {
    const art67 = scope(bank, catalogue).requirements[0];
    expect(art67?.applicable).toBe(false);
    expect(art67?.reasons.map((r) => r.en)).toEqual([
      'notified under Art. 60',
      'legal status: credit institution',
    ]);
  });

  it('shows mappings in both directions, with the inverse relation', () => {
    const result = scope(custodyCasp, catalogue);
    expect(result.requirements[1]?.mapped).toEqual([
      { urn: `${P}:art-67:1`, relation: 'subset', rationale: 'test' },
    ]);
    expect(result.requirements[0]?.mapped).toEqual([
      { urn: `${P}:art-75:1`, relation: 'superset', rationale: 'test' },
    ]);
  });

  it('renders the JSON contract with null paragraph and point where absent', () => {
    const json = toScopeJson(scope(custodyCasp, catalogue), 'fr');
    expect(json.requirements[2]).toMatchObject({
      regulation: 'MiCA',
      article: '75',
      paragraph: '8',
      point: 'a',
      title: `titre ${P}:art-75:8`,
      applicable: false,
    });
    expect(json.requirements[0]).toMatchObject({ article: '67', paragraph: '1', point: null });
  });

  const profiles = fc.record({
    name: fc.constant('Random'),
    memberState: fc.constantFrom(...MEMBER_STATES),
    legalStatus: fc.constantFrom(...LEGAL_STATUSES.filter((s) => s !== 'none')),
    services: fc.uniqueArray(fc.constantFrom(...SERVICE_KEYS)),
    issuance: fc.uniqueArray(fc.constantFrom(...ISSUANCE_ROLES.filter((r) => r !== 'emt'))),
    facts: fc.record({ activeUsersEU: fc.nat(), holdsClientFunds: fc.boolean() }, { requiredKeys: [] }),
  });

  it('is deterministic and every requirement carries at least one reason (property)', () => {
    fc.assert(
      fc.property(profiles, (input) => {
        const profile = parseProfile(input);
        const first = scope(profile, catalogue);
        expect(scope(profile, catalogue)).toEqual(first);
        for (const requirement of first.requirements) expect(requirement.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
