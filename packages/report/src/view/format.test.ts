import { describe, expect, it } from 'vitest';
import { readableReason } from './compliance-view.ts';
import { refCode, refIn, reqCode, reqLabel } from './format.ts';

describe('references in the report language', () => {
  it.each([
    ['Title V, Chapter 2', 'Titre V, Chapitre 2'],
    ['Annex IV, Class 2', 'Annexe IV, catégorie 2'],
    ['Art. 14(5), second subparagraph', 'Art. 14(5), deuxième alinéa'],
    ['Art. 75(3), first and second subparagraphs', 'Art. 75(3), premier et deuxième alinéas'],
    ['Art. 84(1)(b) and (d)', 'Art. 84(1)(b) et (d)'],
    ['Art. 45(1) to (4)', 'Art. 45(1) à (4)'],
    ['Art. 91(1), with Art. 91(2)(a)-(b)', 'Art. 91(1), en lien avec Art. 91(2)(a)-(b)'],
    ['Art. 3(1), point (a)', 'Art. 3(1), point a)'],
  ])('%s is %s in French and unchanged in English', (en, fr) => {
    expect(refIn(en, 'fr')).toBe(fr);
    expect(refIn(en, 'en')).toBe(en);
  });

  const passi = {
    regulation: 'PASSI',
    ref: 'PASSI II.1 — wallet and key architecture',
    title: { en: 'Wallet and key-management architecture', fr: 'Architecture des portefeuilles et des clés' },
  };

  it('drops the English descriptor where the title is shown beside the reference', () => {
    expect(refCode(passi.ref, 'en')).toBe('PASSI II.1');
    expect(reqCode(passi, 'fr')).toBe('PASSI II.1');
    expect(reqCode({ regulation: 'MiCA', ref: 'Art. 70(3)' }, 'fr')).toBe('MiCA Art. 70(3)');
  });

  it('names a requirement on its own with its descriptor, in French with its French title', () => {
    expect(reqLabel(passi, 'en')).toBe('PASSI II.1 — wallet and key architecture');
    expect(reqLabel(passi, 'fr')).toBe('PASSI II.1 — Architecture des portefeuilles et des clés');
  });
});

describe('scoping reasons as the client reads them', () => {
  it('leaves out the profile field of a missing fact', () => {
    expect(readableReason("holds clients' funds: not given (facts.holdsClientFunds; treated as no)")).toBe(
      "holds clients' funds: not given (treated as no)",
    );
    expect(
      readableReason(
        'détient des fonds de clients\u00a0: donnée absente du profil (facts.holdsClientFunds\u202f; traitée comme «\u00a0non\u00a0»)',
      ),
    ).toBe('détient des fonds de clients\u00a0: donnée absente du profil (traitée comme «\u00a0non\u00a0»)');
    expect(readableReason('provides custody (MiCA Art. 3(1)(16), point (a))')).toBe(
      'provides custody (MiCA Art. 3(1)(16), point (a))',
    );
  });
});
