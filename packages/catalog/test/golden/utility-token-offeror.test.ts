import { describe, expect, it } from 'vitest';
import { applicableArticles, scopeGolden } from './golden.ts';

describe('golden scope: offeror of a utility token to the public (IE)', async () => {
  const result = await scopeGolden('utility-token-offeror');

  it('applies Title II with Annex I, and the inside-information and market-abuse articles', () => {
    expect(applicableArticles(result, 'MiCA')).toEqual([
      '4',
      '6',
      '7',
      '8',
      '9',
      '10',
      '12',
      '13',
      '14',
      '15',
      'Annex I',
      '88',
      '89',
      '90',
      '91',
    ]);
  });

  it('is neither a DORA financial entity nor bound by the transfer-of-funds rules', () => {
    expect(applicableArticles(result, 'DORA')).toEqual([]);
    expect(applicableArticles(result, 'TFR')).toEqual([]);
  });

  it('does not carry the admission-to-trading obligations of Art. 5', () => {
    expect(applicableArticles(result, 'MiCA')).not.toContain('5');
  });
});
