import { describe, expect, it } from 'vitest';
import { applicableArticles, reasons, requirement, scopeGolden } from './golden.ts';

describe('golden scope: exchange with a trading platform above 15 million EU users (MT)', async () => {
  const result = await scopeGolden('exchange-platform-significant');

  it('applies exactly these MiCA articles, including Art. 85 on significant CASPs', () => {
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
      '85',
      '89',
      '90',
      '91',
      '92',
    ]);
  });

  it('explains the significance by the user count', () => {
    expect(requirement(result, 'urn:mica-audit:mica:art-85:2').applicable).toBe(true);
    expect(reasons(result, 'urn:mica-audit:mica:art-85:2')).toContain(
      'average active users in the Union: 16,000,000 (condition: at least 15,000,000, met)',
    );
  });
});
