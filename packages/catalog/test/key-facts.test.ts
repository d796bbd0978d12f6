import { describe, expect, it } from 'vitest';
import {
  LEGAL_STATUSES,
  SERVICE_KEYS,
  indexCatalogue,
  parseProfile,
  scope,
  type Catalogue,
  type ServiceKey,
} from '@mica-audit/core';
import { loadValidCatalogue } from '../src/load-catalogue.ts';

const catalogue: Catalogue = await loadValidCatalogue();
const index = indexCatalogue(catalogue);

function applicable(profile: unknown, urn: string): boolean {
  const found = scope(parseProfile(profile), catalogue).requirements.find((r) => r.urn === urn);
  if (found === undefined) throw new Error(`missing ${urn}`);
  return found.applicable;
}

function statement(urn: string): string {
  const node = index.nodes.get(urn);
  if (node?.statement === undefined) throw new Error(`missing statement of ${urn}`);
  return node.statement.en;
}

const casp = (services: ServiceKey[], facts: Record<string, unknown> = {}) => ({
  name: 'X',
  memberState: 'FR',
  legalStatus: 'casp',
  services,
  facts,
});

// MiCA Annex IV, as in PRODUCT.md: the class of each service on its own.
const ANNEX_IV: Record<ServiceKey, 1 | 2 | 3> = {
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

describe('key facts pinned against the MiCA catalogue', () => {
  it.each(SERVICE_KEYS)('Annex IV puts %s alone in its class, and only that class', (service) => {
    for (const cls of [1, 2, 3] as const) {
      expect(applicable(casp([service]), `urn:mica-audit:mica:annex-iv:class-${cls}`), `class ${cls}`).toBe(
        ANNEX_IV[service] === cls,
      );
    }
  });

  it('Annex IV: the highest class wins when services are combined', () => {
    expect(applicable(casp(['advice', 'custody']), 'urn:mica-audit:mica:annex-iv:class-2')).toBe(true);
    expect(applicable(casp(['advice', 'custody']), 'urn:mica-audit:mica:annex-iv:class-1')).toBe(false);
    expect(applicable(casp(['custody', 'trading-platform']), 'urn:mica-audit:mica:annex-iv:class-3')).toBe(
      true,
    );
    expect(applicable(casp(['custody', 'trading-platform']), 'urn:mica-audit:mica:annex-iv:class-2')).toBe(
      false,
    );
  });

  it('Annex IV amounts: EUR 50,000, 125,000 and 150,000', () => {
    expect(statement('urn:mica-audit:mica:annex-iv:class-1')).toMatch(/EUR 50[ ,]000/);
    expect(statement('urn:mica-audit:mica:annex-iv:class-2')).toMatch(/EUR 125[ ,]000/);
    expect(statement('urn:mica-audit:mica:annex-iv:class-3')).toMatch(/EUR 150[ ,]000/);
  });

  it("Art. 67(1)(b): a quarter of the previous year's fixed overheads", () => {
    expect(statement('urn:mica-audit:mica:art-67:1:b')).toMatch(
      /quarter of its fixed overheads of the preceding year/,
    );
  });

  it('Art. 35(1): EUR 350,000, 2% of the average reserve, a quarter of fixed overheads', () => {
    const text = statement('urn:mica-audit:mica:art-35:1');
    expect(text).toContain('EUR 350,000');
    expect(text).toContain('2% of the average amount of the reserve of assets');
    expect(text).toContain('a quarter of its fixed overheads of the preceding year');
  });

  it('Art. 43(1): the significance thresholds and the three-criteria rule', () => {
    const text = statement('urn:mica-audit:mica:art-43:1');
    for (const figure of [
      'at least three',
      '10 million holders',
      'EUR 5,000,000,000',
      '2,500,000 transactions',
      'EUR 500,000,000 per day',
    ]) {
      expect(text).toContain(figure);
    }
  });

  it('Art. 85: significance starts at 15 million average active users in the Union', () => {
    expect(applicable(casp(['custody'], { activeUsersEU: 14_999_999 }), 'urn:mica-audit:mica:art-85:2')).toBe(
      false,
    );
    expect(applicable(casp(['custody'], { activeUsersEU: 15_000_000 }), 'urn:mica-audit:mica:art-85:2')).toBe(
      true,
    );
  });

  const carvedOut = [
    'urn:mica-audit:mica:art-62:1',
    'urn:mica-audit:mica:art-67:1:a',
    'urn:mica-audit:mica:art-83:1',
    'urn:mica-audit:mica:art-84:1:continuity',
    'urn:mica-audit:mica:annex-iv:class-2',
  ];
  const notifying = LEGAL_STATUSES.filter((s) => s !== 'casp' && s !== 'none');

  it.each(notifying)(
    'Art. 60: a %s notifying custody is outside Arts 62, 67, 83, 84 and Annex IV',
    (legalStatus) => {
      for (const urn of carvedOut)
        expect(
          applicable({ name: 'X', memberState: 'FR', legalStatus, services: ['custody'] }, urn),
          urn,
        ).toBe(false);
    },
  );

  it('Art. 60 carve-outs do not touch an authorised CASP', () => {
    for (const urn of carvedOut) expect(applicable(casp(['custody']), urn), urn).toBe(true);
  });

  it('the service articles apply only to their own services (Arts 75-82)', () => {
    const article: Record<string, ServiceKey> = {
      '75': 'custody',
      '76': 'trading-platform',
      '78': 'execution',
      '79': 'placing',
      '80': 'reception-transmission',
      '82': 'transfer',
    };
    for (const [number, service] of Object.entries(article)) {
      for (const other of SERVICE_KEYS) {
        const result = scope(parseProfile(casp([other])), catalogue).requirements.filter(
          (r) => r.regulation === 'MiCA' && r.source.article === number,
        );
        expect(result.length, `Art. ${number}`).toBeGreaterThan(0);
        expect(
          result.some((r) => r.applicable),
          `Art. ${number} for ${other}`,
        ).toBe(other === service);
      }
    }
  });
});
