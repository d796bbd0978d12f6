import { describe, expect, it } from 'vitest';
import { applicableArticles, requirement, scopeGolden } from './golden.ts';

describe('golden scope: e-money institution issuing an e-money token (FR)', async () => {
  const result = await scopeGolden('emt-emi');

  it('applies Title IV, Annex III and the inside-information and market-abuse articles, and no CASP article', () => {
    expect(applicableArticles(result, 'MiCA')).toEqual([
      '48',
      '49',
      '50',
      '51',
      'Annex III',
      '52',
      '53',
      '54',
      '55',
      '57',
      '88',
      '89',
      '90',
      '91',
    ]);
  });

  it('leaves out the significant-EMT obligations (Art. 58) while the token is not significant', () => {
    expect(applicableArticles(result, 'MiCA')).not.toContain('58');
  });

  it('is a DORA financial entity as an e-money institution, with no transfer-of-funds duties', () => {
    expect(applicableArticles(result, 'DORA')).toEqual(expect.arrayContaining(['5', '17', '23', '28']));
    expect(applicableArticles(result, 'TFR')).toEqual([]);
    expect(requirement(result, 'urn:mica-audit:mica:art-75:1').applicable).toBe(false);
  });
});
