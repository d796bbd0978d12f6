import { describe, expect, it } from 'vitest';
import { applicableArticles, reasons, requirement, scopeGolden } from './golden.ts';

describe('golden scope: advice + portfolio management CASP without client assets (NL)', async () => {
  const result = await scopeGolden('advice-portfolio-casp');

  it('applies exactly these MiCA articles', () => {
    expect(applicableArticles(result, 'MiCA')).toEqual([
      '59',
      '62',
      '66',
      '67',
      'Annex IV',
      '68',
      '69',
      '71',
      '72',
      '81',
      '83',
      '84',
      '89',
      '90',
      '91',
      '92',
    ]);
  });

  it('excludes safekeeping (Art. 70) because it holds no client assets, and wind-down (Art. 74)', () => {
    expect(requirement(result, 'urn:mica-audit:mica:art-70:2').applicable).toBe(false);
    expect(reasons(result, 'urn:mica-audit:mica:art-70:2')).toEqual(["holds clients' funds: no"]);
    expect(applicableArticles(result, 'MiCA')).not.toContain('74');
  });

  it('is class 1 and has no transfer-of-funds obligations', () => {
    expect(requirement(result, 'urn:mica-audit:mica:annex-iv:class-1').applicable).toBe(true);
    expect(applicableArticles(result, 'TFR')).toEqual([]);
  });
});
