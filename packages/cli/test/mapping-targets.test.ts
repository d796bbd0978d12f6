import { describe, expect, it } from 'vitest';
import { loadValidCatalogue } from '@mica-audit/catalog';
import { loadMappingRules, validateMappingTargets } from '@mica-audit/importers';

describe('finding-to-requirement mapping table', () => {
  it('names only assessable requirements that exist in the bundled catalogue', async () => {
    const catalogue = await loadValidCatalogue();
    const known = new Set(
      catalogue.libraries.flatMap((l) => l.nodes.filter((n) => n.assessable).map((n) => n.urn)),
    );
    const rules = await loadMappingRules();
    expect(rules.length).toBeGreaterThan(10);
    expect(validateMappingTargets(rules, known)).toEqual([]);
  });
});
