import { describe, expect, it } from 'vitest';
import type { ScopedRequirement } from '../api/types.ts';
import { countByRegulation, groupByRegulation, micaFirst, previewDelta, scopingKey } from './preview.ts';

function req(urn: string, regulation: string, applicable: boolean): ScopedRequirement {
  return {
    urn,
    regulation,
    article: '1',
    paragraph: null,
    point: null,
    ref: 'Art. 1',
    title: urn,
    domains: [],
    applicable,
    reasons: ['because'],
    mapped: [],
  };
}

const requirements = [
  req('d1', 'DORA', true),
  req('m1', 'MiCA', true),
  req('d2', 'DORA', false),
  req('m2', 'MiCA', false),
  req('m3', 'MiCA', true),
  req('t1', 'TFR', true),
];

describe('wizard scoping preview', () => {
  it('groups by regulation, MiCA first, keeping catalogue order within and between the others', () => {
    expect(
      groupByRegulation(requirements).map((g) => [g.regulation, g.requirements.map((r) => r.urn)]),
    ).toEqual([
      ['MiCA', ['m1', 'm2', 'm3']],
      ['DORA', ['d1', 'd2']],
      ['TFR', ['t1']],
    ]);
  });

  it('counts applicable and excluded requirements per regulation', () => {
    expect(countByRegulation(requirements)).toEqual([
      { regulation: 'MiCA', applicable: 2, excluded: 1 },
      { regulation: 'DORA', applicable: 1, excluded: 1 },
      { regulation: 'TFR', applicable: 1, excluded: 0 },
    ]);
  });

  it('puts MiCA first and keeps the others in their order', () => {
    const rows = [
      { regulation: 'DORA' },
      { regulation: 'PASSI' },
      { regulation: 'MiCA' },
      { regulation: 'TFR' },
    ];
    expect(micaFirst(rows).map((r) => r.regulation)).toEqual(['MiCA', 'DORA', 'PASSI', 'TFR']);
  });

  it('says how many requirements a change added and removed', () => {
    const next = [
      req('m1', 'MiCA', false),
      req('m2', 'MiCA', true),
      req('m4', 'MiCA', true),
      req('d1', 'DORA', true),
    ];
    expect(previewDelta(requirements, next)).toEqual({ added: 2, removed: 3 });
    expect(previewDelta(requirements, requirements)).toEqual({ added: 0, removed: 0 });
  });

  it('keys a profile on what scoping reads, not on the entity name', () => {
    const profile = { name: 'A', services: ['custody'] };
    expect(scopingKey(profile)).toBe(scopingKey({ ...profile, name: 'B' }));
    expect(scopingKey(profile)).not.toBe(scopingKey({ ...profile, services: ['transfer'] }));
    expect(scopingKey(undefined)).toBeUndefined();
  });
});
