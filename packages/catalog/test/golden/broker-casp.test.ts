import { describe, expect, it } from 'vitest';
import { applicableArticles, requirement, scopeGolden } from './golden.ts';

describe('golden scope: broker CASP — execution, reception-transmission, placing (ES)', async () => {
  const result = await scopeGolden('broker-casp');

  it('applies exactly these MiCA articles', () => {
    expect(applicableArticles(result, 'MiCA')).toEqual([
      '13',
      '59',
      '62',
      '66',
      '67',
      'Annex IV',
      '68',
      '69',
      '71',
      '72',
      '74',
      '78',
      '79',
      '80',
      '83',
      '84',
      '89',
      '90',
      '91',
      '92',
    ]);
  });

  it('is Annex IV class 1 and must prevent and detect market abuse (Art. 92)', () => {
    expect(requirement(result, 'urn:mica-audit:mica:annex-iv:class-1').applicable).toBe(true);
    expect(applicableArticles(result, 'MiCA')).toContain('92');
  });
});
