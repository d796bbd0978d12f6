/**
 * The title (MiCA) or chapter (DORA, TFR, PASSI) an article belongs to. The scoping JSON gives the article but not
 * its title, so the structure of the legal texts is reproduced here from the article ranges of each regulation.
 */
export interface TitleRef {
  readonly kind: 'title' | 'chapter' | 'annex' | 'other';
  /** Roman numeral, or the annex number; empty for `other`. */
  readonly ref: string;
}

type Range = readonly [from: number, to: number, ref: string];

const RANGES: Readonly<Record<string, { kind: 'title' | 'chapter'; ranges: readonly Range[] }>> = {
  MiCA: {
    kind: 'title',
    ranges: [
      [1, 3, 'I'],
      [4, 15, 'II'],
      [16, 47, 'III'],
      [48, 58, 'IV'],
      [59, 85, 'V'],
      [86, 92, 'VI'],
      [93, 138, 'VII'],
      [139, 139, 'VIII'],
      [140, 149, 'IX'],
    ],
  },
  DORA: {
    kind: 'chapter',
    ranges: [
      [1, 4, 'I'],
      [5, 16, 'II'],
      [17, 23, 'III'],
      [24, 27, 'IV'],
      [28, 44, 'V'],
      [45, 45, 'VI'],
      [46, 56, 'VII'],
      [57, 64, 'VIII'],
    ],
  },
  TFR: {
    kind: 'chapter',
    ranges: [
      [1, 3, 'I'],
      [4, 13, 'II'],
      [14, 22, 'III'],
      [23, 25, 'IV'],
      [26, 28, 'V'],
      [29, 35, 'VI'],
      [36, 40, 'VII'],
    ],
  },
};

/** The title or chapter of `article` in `regulation`; PASSI articles (`II.5`) carry their chapter before the dot. */
export function titleOf(regulation: string, article: string): TitleRef {
  if (/^annex/i.test(article)) return { kind: 'annex', ref: article.replace(/^annex\s*/i, '') };
  const dotted = /^([IVX]+)\.\d+/.exec(article);
  if (dotted?.[1] !== undefined) return { kind: 'chapter', ref: dotted[1] };
  const structure = RANGES[regulation];
  const number = Number.parseInt(article, 10);
  if (structure === undefined || Number.isNaN(number)) return { kind: 'other', ref: '' };
  const range = structure.ranges.find(([from, to]) => number >= from && number <= to);
  return range === undefined ? { kind: 'other', ref: '' } : { kind: structure.kind, ref: range[2] };
}

/** The key core's scoring groups titles by (`V`, `Annex IV`, `II`). */
export function titleKey(title: TitleRef): string {
  if (title.kind === 'annex') return `Annex ${title.ref}`;
  return title.kind === 'other' ? '-' : title.ref;
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50 };

/** Value of a Roman numeral (I to L), 0 for anything else. */
export function romanValue(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = ROMAN[text[i] ?? ''] ?? Number.NaN;
    const next = ROMAN[text[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return Number.isNaN(total) ? 0 : total;
}

/** Orders scoring title keys (`MiCA:V`, `MiCA:Annex IV`, `DORA:II`): MiCA first, titles in legal order, annexes after. */
export function compareTitleKeys(a: string, b: string): number {
  const rank = (key: string): [number, string, number, number] => {
    const [regulation = '', ref = ''] = key.split(':');
    const annex = ref.startsWith('Annex ');
    return [
      regulation === 'MiCA' ? 0 : 1,
      regulation,
      annex ? 1 : ref === '-' ? 2 : 0,
      romanValue(annex ? ref.slice(6) : ref),
    ];
  };
  const [ra, rb] = [rank(a), rank(b)];
  return ra[0] - rb[0] || ra[1].localeCompare(rb[1]) || ra[2] - rb[2] || ra[3] - rb[3];
}
