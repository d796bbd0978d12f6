import { describe, expect, it } from 'vitest';
import { applicableArticles, reasons, requirement, scopeGolden } from './golden.ts';

describe('golden scope: custody + transfer CASP (FR)', async () => {
  const result = await scopeGolden('custody-transfer-casp');

  it('applies exactly these MiCA articles', () => {
    expect(applicableArticles(result, 'MiCA')).toEqual([
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
      '73',
      '74',
      '75',
      '82',
      '83',
      '84',
      '89',
      '90',
      '91',
    ]);
  });

  it('applies custody (Art. 75) because the firm provides custody, and not the trading-platform rules', () => {
    expect(requirement(result, 'urn:mica-audit:mica:art-75:1').applicable).toBe(true);
    expect(reasons(result, 'urn:mica-audit:mica:art-75:1')).toContain(
      'service provided: custody and administration of crypto-assets on behalf of clients (MiCA Art. 3(1)(16), point a)',
    );
    expect(requirement(result, 'urn:mica-audit:mica:art-76:1:a').applicable).toBe(false);
    expect(reasons(result, 'urn:mica-audit:mica:art-76:1:a')).toEqual([
      'service not provided: operation of a trading platform for crypto-assets (MiCA Art. 3(1)(16), point b)',
    ]);
  });

  it('puts the firm in Annex IV class 2 only', () => {
    expect(requirement(result, 'urn:mica-audit:mica:annex-iv:class-2').applicable).toBe(true);
    expect(requirement(result, 'urn:mica-audit:mica:annex-iv:class-1').applicable).toBe(false);
    expect(requirement(result, 'urn:mica-audit:mica:annex-iv:class-3').applicable).toBe(false);
  });

  it('is a DORA financial entity and bound by the transfer-of-funds rules', () => {
    expect(applicableArticles(result, 'DORA')).toEqual(
      expect.arrayContaining(['5', '9', '17', '19', '24', '28']),
    );
    expect(applicableArticles(result, 'DORA')).not.toContain('26');
    expect(applicableArticles(result, 'TFR')).toEqual(expect.arrayContaining(['14', '16', '17']));
  });

  it('gives every requirement at least one reason', () => {
    for (const r of result.requirements) expect(r.reasons.length, r.urn).toBeGreaterThan(0);
  });
});
