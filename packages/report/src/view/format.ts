/** Formatting in the report language: dates, numbers, money, requirement references, translated free text. */
import type { ScopedRequirement } from '@mica-audit/core';
import type { EngagementSnapshot, LocalText, ReportLang } from '../snapshot.schema.ts';

const MONTHS: Readonly<Record<ReportLang, readonly string[]>> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
};

/** `2026-11-13` as `13 November 2026` / `13 novembre 2026`; accepts ISO instants too (their UTC date). */
export function longDate(iso: string, lang: ReportLang): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d ?? ''} ${MONTHS[lang][(m ?? 1) - 1] ?? ''} ${y ?? ''}`;
}

/** ISO date kept short for tables: `2026-11-13`. */
export function shortDate(value: string | Date): string {
  return (typeof value === 'string' ? value : value.toISOString()).slice(0, 10);
}

/** `2026-08-14 07:40 UTC`. */
export function instant(value: Date): string {
  return `${value.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Grouped digits with a language-appropriate separator, without relying on ICU data. */
export function num(value: number, lang: ReportLang, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? '\u00a0' : ',');
  const sign = value < 0 ? '-' : '';
  return frac === undefined ? `${sign}${grouped}` : `${sign}${grouped}${lang === 'fr' ? ',' : '.'}${frac}`;
}

export function eur(value: number, lang: ReportLang): string {
  return lang === 'fr' ? `${num(value, lang)}\u00a0EUR` : `EUR ${num(value, lang)}`;
}

export function score(value: number | null, lang: ReportLang, none: string): string {
  return value === null ? none : num(value, lang, 1);
}

/** `MiCA Art. 70(3)`; library refs that already name their framework are kept as they are. */
export function reqRef(req: Pick<ScopedRequirement, 'regulation' | 'ref'>): string {
  return req.ref.startsWith(req.regulation) ? req.ref : `${req.regulation} ${req.ref}`;
}

/** Text a person wrote, in the report language when available, else in the other one. */
export function pick(text: LocalText | undefined, lang: ReportLang): string {
  if (text === undefined) return '';
  return text[lang] ?? text[lang === 'en' ? 'fr' : 'en'] ?? '';
}

/** Free text written in one language, translated when the snapshot carries a translation. */
export function translator(snapshot: EngagementSnapshot, lang: ReportLang): (text: string) => string {
  const table = snapshot.translations[lang] ?? {};
  return (text) => table[text] ?? text;
}

/** Bytes as `1.2 MB` / `1,2 Mo`. */
export function bytes(size: number, lang: ReportLang): string {
  const units = lang === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'];
  let value = size;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${num(value, lang, unit === 0 ? 0 : 1)} ${units[unit] ?? ''}`;
}

const FRENCH_REF_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^Title /, 'Titre '],
  [/^Chapter /, 'Chapitre '],
  [/^Annex /, 'Annexe '],
];

/** A catalogue reference (`Title V`, `Chapter II`, `Annex IV`) in the report language. */
export function refIn(ref: string, lang: ReportLang): string {
  if (lang === 'en') return ref;
  return FRENCH_REF_WORDS.reduce((out, [pattern, word]) => out.replace(pattern, word), ref);
}

/** A title-group key (`MiCA:Title V`) as shown: `MiCA Title V` / `MiCA Titre V`. */
export function groupLabel(key: string, lang: ReportLang): string {
  const [regulation = '', ref = ''] = key.split(/:(.*)/s);
  return `${regulation} ${refIn(ref, lang)}`;
}

/** French puts a no-break space before a colon. */
export function colon(lang: ReportLang): string {
  return lang === 'fr' ? '\u00a0: ' : ': ';
}
