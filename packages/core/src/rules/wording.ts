/**
 * Small wording helpers for the reasons scoping gives, so that every sentence follows the same typography:
 * French elision and no-break spaces, and lists joined the way each language joins them.
 */

/** No-break space: in French, before a colon and inside guillemets. */
export const NBSP = '\u00a0';
/** Narrow no-break space: in French, before a semicolon, an exclamation mark and a question mark. */
export const NNBSP = '\u202f';

const FRENCH_VOWEL = /^[aeiouyàâäéèêëîïôöùûü]/i;

/**
 * French "de" before a noun phrase, elided before a vowel ("d'émetteur", "de personne"). No label starts with an
 * h, where elision would depend on the word, so an h is left unelided.
 */
export function de(phrase: string): string {
  return FRENCH_VOWEL.test(phrase) ? `d'${phrase}` : `de ${phrase}`;
}

/** Joins items as a sentence does: "a", "a and b", "a, b and c" (`word` is the final conjunction). */
export function series(items: readonly string[], word: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1] ?? ''}`;
}

/** Joins items that may themselves contain commas or conjunctions: "a; b" in English, "a ; b" in French. */
export function enumeration(items: readonly string[], lang: 'en' | 'fr'): string {
  return items.join(lang === 'fr' ? `${NNBSP}; ` : '; ');
}

/** "neither as a nor as b" / "ni d'a ni de b": a comma before every further item once there are three. */
export function neither(items: readonly string[], word: string): string {
  return items.join(items.length > 2 ? `, ${word} ` : ` ${word} `);
}
