import { describe, expect, it } from 'vitest';
import { applicableArticles, reasons, requirement, scopeGolden } from './golden.ts';

describe('golden scope: trading platform + exchange + custody CASP (LU)', async () => {
  const result = await scopeGolden('platform-exchange-custody-casp');

  it('applies exactly these MiCA articles', () => {
    expect(applicableArticles(result, 'MiCA')).toEqual([
      '5',
      '59',
      '62',
      '66',
      '67',
      'Annex IV',
      '68',
      '69',
      '70',
      '71',
      '72',
      '74',
      '75',
      '76',
      '77',
      '83',
      '84',
      '89',
      '90',
      '91',
      '92',
    ]);
  });

  it('uses Annex IV class 3 for the trading platform, the highest class', () => {
    expect(requirement(result, 'urn:mica-audit:mica:annex-iv:class-3').applicable).toBe(true);
    expect(requirement(result, 'urn:mica-audit:mica:annex-iv:class-2').applicable).toBe(false);
  });

  it('applies market-abuse prevention (Art. 92) and not the significant-CASP rules below 15 million users', () => {
    expect(applicableArticles(result, 'MiCA')).toContain('92');
    expect(requirement(result, 'urn:mica-audit:mica:art-85:2').applicable).toBe(false);
    expect(reasons(result, 'urn:mica-audit:mica:art-85:2')).toEqual([
      'average active users in the Union: 3,000,000 (condition: at least 15,000,000, not met)',
    ]);
  });
});
