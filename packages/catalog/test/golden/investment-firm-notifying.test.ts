import { describe, expect, it } from 'vitest';
import { applicableArticles, requirement, scopeGolden } from './golden.ts';

describe('golden scope: investment firm notifying execution and reception-transmission (IT)', async () => {
  const result = await scopeGolden('investment-firm-notifying');

  it('applies exactly these MiCA articles', () => {
    expect(applicableArticles(result, 'MiCA')).toEqual([
      '59',
      '60',
      '66',
      '68',
      '69',
      '71',
      '72',
      '74',
      '78',
      '80',
      '89',
      '90',
      '91',
      '92',
    ]);
  });

  it('notifies under Art. 60(3) and is outside the authorisation and prudential articles', () => {
    expect(requirement(result, 'urn:mica-audit:mica:art-60:3').applicable).toBe(true);
    expect(requirement(result, 'urn:mica-audit:mica:art-60:1').applicable).toBe(false);
    expect(requirement(result, 'urn:mica-audit:mica:art-67:1:a').applicable).toBe(false);
  });
});
