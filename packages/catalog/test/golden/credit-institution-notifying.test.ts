import { describe, expect, it } from 'vitest';
import { applicableArticles, requirement, scopeGolden } from './golden.ts';

describe('golden scope: credit institution notifying custody and exchange (DE)', async () => {
  const result = await scopeGolden('credit-institution-notifying');

  it('applies exactly these MiCA articles', () => {
    expect(applicableArticles(result, 'MiCA')).toEqual([
      '59',
      '60',
      '66',
      '68',
      '69',
      '70',
      '71',
      '72',
      '74',
      '75',
      '77',
      '89',
      '90',
      '91',
      '92',
    ]);
  });

  it('is outside Arts 62, 67, 83 and 84 and Annex IV under Art. 60', () => {
    for (const urn of [
      'urn:mica-audit:mica:art-62:1',
      'urn:mica-audit:mica:art-67:1:a',
      'urn:mica-audit:mica:annex-iv:class-2',
    ]) {
      const r = requirement(result, urn);
      expect(r.applicable, urn).toBe(false);
      expect(r.reasons[0]?.en, urn).toMatch(/Art\. 60/);
    }
    expect(applicableArticles(result, 'MiCA')).not.toEqual(expect.arrayContaining(['83']));
  });

  it('notifies under Art. 60(1), the credit-institution paragraph', () => {
    expect(requirement(result, 'urn:mica-audit:mica:art-60:1').applicable).toBe(true);
    expect(requirement(result, 'urn:mica-audit:mica:art-60:3').applicable).toBe(false);
  });

  it('also carries the DORA payment-related incident duty of credit institutions (Art. 23)', () => {
    expect(applicableArticles(result, 'DORA')).toContain('23');
  });
});
