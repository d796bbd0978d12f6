import { describe, expect, it } from 'vitest';
import { applicableArticles, requirement, scopeGolden } from './golden.ts';

describe('golden scope: issuer of an asset-referenced token seeking authorisation (BE)', async () => {
  const result = await scopeGolden('art-issuer');

  it('applies exactly these MiCA articles', () => {
    expect(applicableArticles(result, 'MiCA')).toEqual([
      '16',
      '18',
      '19',
      'Annex II',
      '25',
      '27',
      '28',
      '30',
      '31',
      '32',
      '33',
      '34',
      '35',
      '36',
      '37',
      '38',
      '39',
      '40',
      '43',
      '46',
      '47',
      '88',
      '89',
      '90',
      '91',
    ]);
  });

  it('follows the authorisation path (Art. 16, 18), not the credit-institution path (Art. 17)', () => {
    expect(requirement(result, 'urn:mica-audit:mica:art-16:1').applicable).toBe(true);
    expect(requirement(result, 'urn:mica-audit:mica:art-17:1:a').applicable).toBe(false);
  });

  it('holds own funds under Art. 35 and is outside the significant-ART obligations of Art. 45', () => {
    expect(requirement(result, 'urn:mica-audit:mica:art-35:1').applicable).toBe(true);
    expect(applicableArticles(result, 'MiCA')).not.toContain('45');
  });

  it('is a DORA financial entity (Art. 2(1)(f)) and has no CASP obligations', () => {
    expect(applicableArticles(result, 'DORA').length).toBeGreaterThan(10);
    expect(applicableArticles(result, 'MiCA')).not.toContain('59');
  });
});
