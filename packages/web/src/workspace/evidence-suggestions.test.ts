import { describe, expect, it } from 'vitest';
import type { Evidence } from '../api/types.ts';
import { suggestedEvidence } from './evidence-suggestions.ts';

const evidence = (id: string, requirementUrns: string[]) => ({ id, requirementUrns }) as unknown as Evidence;

describe('suggestedEvidence', () => {
  it('offers evidence of mapped requirements that is not yet linked, saying through which ones', () => {
    const list = [
      evidence('policy', ['urn:mica-audit:dora:art-11:1', 'urn:mica-audit:dora:art-12:1']),
      evidence('already', ['urn:mica-audit:mica:art-68:7:policy', 'urn:mica-audit:dora:art-11:1']),
      evidence('unrelated', ['urn:mica-audit:mica:art-75:1']),
    ];
    const result = suggestedEvidence(list, 'urn:mica-audit:mica:art-68:7:policy', [
      'urn:mica-audit:dora:art-11:1',
      'urn:mica-audit:dora:art-11:2',
    ]);
    expect(result.map((s) => [s.evidence.id, s.via])).toEqual([['policy', ['urn:mica-audit:dora:art-11:1']]]);
  });

  it('offers nothing when the requirement has no mappings', () => {
    expect(suggestedEvidence([evidence('x', ['urn:a'])], 'urn:b', [])).toEqual([]);
  });
});
