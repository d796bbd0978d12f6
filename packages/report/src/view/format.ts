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

const FRENCH_ORDINALS: Readonly<Record<string, string>> = {
  first: 'premier',
  second: 'deuxième',
  third: 'troisième',
  fourth: 'quatrième',
  fifth: 'cinquième',
};

const FRENCH_REF_WORDS: readonly (readonly [RegExp, (...match: string[]) => string])[] = [
  [/\bTitle\b/g, () => 'Titre'],
  [/\bChapter\b/g, () => 'Chapitre'],
  [/\bAnnex\b/g, () => 'Annexe'],
  [/\bClass\b/g, () => 'catégorie'],
  // `first and second subparagraphs` -> `premier et deuxième alinéas`
  [
    /\b(first|second|third|fourth|fifth)(?: and (first|second|third|fourth|fifth))? subparagraphs?\b/g,
    (_, a = '', b) =>
      b === undefined
        ? `${FRENCH_ORDINALS[a] ?? a} alinéa`
        : `${FRENCH_ORDINALS[a] ?? a} et ${FRENCH_ORDINALS[b] ?? b} alinéas`,
  ],
  [/\bsubparagraphs?\b/g, () => 'alinéa'],
  [/\bpoints? \((\w+)\)/g, (_, p = '') => `point ${p})`],
  [/\band\b/g, () => 'et'],
  [/\bto\b/g, () => 'à'],
  [/, with\b/g, () => ', en lien avec'],
];

/** A catalogue reference (`Title V`, `Chapter II`, `Art. 14(5), second subparagraph`) in the report language. */
export function refIn(ref: string, lang: ReportLang): string {
  if (lang === 'en') return ref;
  return FRENCH_REF_WORDS.reduce((out, [pattern, word]) => out.replace(pattern, word), ref);
}

/**
 * Some references carry an English descriptor after a dash (`PASSI II.1 — wallet and key architecture`) to tell
 * apart requirements under one heading. Where the requirement's title is shown beside the reference, the code alone
 * is enough (and does not leave English in the French report).
 */
export function refCode(ref: string, lang: ReportLang): string {
  return refIn(ref.split(' — ')[0] ?? ref, lang);
}

/** `MiCA Art. 70(3)` in the report language, without descriptor: for places that show the title beside it. */
export function reqCode(req: Pick<ScopedRequirement, 'regulation' | 'ref'>, lang: ReportLang): string {
  const code = refCode(req.ref, lang);
  return code.startsWith(req.regulation) ? code : `${req.regulation} ${code}`;
}

/**
 * A requirement named on its own (a finding's linked requirements): the reference with its descriptor, which in
 * French is replaced by the French title.
 */
export function reqLabel(
  req: Pick<ScopedRequirement, 'regulation' | 'ref' | 'title'>,
  lang: ReportLang,
): string {
  if (lang === 'en') return reqRef(req);
  return req.ref.includes(' — ') ? `${reqCode(req, lang)} — ${req.title.fr}` : reqCode(req, lang);
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

/** Joins items that may hold commas themselves: "a; b", in French "a ; b" with a narrow no-break space. */
export function semicolons(items: readonly string[], lang: ReportLang): string {
  return items.join(lang === 'fr' ? '\u202f; ' : '; ');
}
