/**
 * French typography of the interface, as in the catalogue and the report: a no-break space (U+00A0) before ":" and
 * inside « », a narrow no-break space (U+202F) before ";", "?" and "!", straight apostrophes. English has none of
 * those spaces.
 */
import { describe, expect, it } from 'vitest';
import { en, fr } from './messages.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const SPACE_NAMES: Readonly<Record<string, string>> = {
  ' ': 'a plain space',
  [NBSP]: 'a no-break space',
  [NNBSP]: 'a narrow no-break space',
};
const spaceName = (char: string | undefined): string => SPACE_NAMES[char ?? ''] ?? 'no space';

/** What is wrong with the typography of one message, each problem quoting the text around it. */
function problems(text: string, lang: 'en' | 'fr'): string[] {
  const found: string[] = [];
  const chars = [...text];
  // Signs inside a URL ("https://host/a?b=c") take no space.
  const inUrl = new Set<number>();
  for (const match of text.matchAll(/https?:\/\/\S+/g)) {
    const start = [...text.slice(0, match.index)].length;
    for (let at = start; at < start + [...match[0]].length; at++) inUrl.add(at);
  }
  chars.forEach((char, at) => {
    if (inUrl.has(at)) return;
    const before = chars[at - 1];
    const after = chars[at + 1];
    const around = JSON.stringify(chars.slice(Math.max(0, at - 20), at + 20).join(''));
    if (lang === 'en') {
      if (':;?!'.includes(char) && (before === NBSP || before === NNBSP)) {
        found.push(`${spaceName(before)} before "${char}" in English: ${around}`);
      }
      return;
    }
    if (char === '’') found.push(`a curly apostrophe in French, use ': ${around}`);
    // A colon inside a time ("12:30") takes no space.
    const bare = char === ':' && /\d/.test(before ?? '') && /\d/.test(after ?? '');
    const wanted = char === ':' || char === '»' ? NBSP : ';?!'.includes(char) ? NNBSP : undefined;
    if (wanted !== undefined && !bare && before !== wanted) {
      found.push(`${spaceName(before)} before "${char}" in French, use ${spaceName(wanted)}: ${around}`);
    }
    if (char === '«' && after !== NBSP) {
      found.push(`${spaceName(after)} after "«" in French, use a no-break space: ${around}`);
    }
  });
  return found;
}

/** The problems of a whole table, each prefixed with its message key. */
function tableProblems(table: Readonly<Record<string, string>>, lang: 'en' | 'fr'): string[] {
  return Object.entries(table).flatMap(([key, text]) => problems(text, lang).map((p) => `${key}: ${p}`));
}

describe('typography checker', () => {
  it('accepts French with its no-break spaces, URLs and times, and English without them', () => {
    expect(
      problems(`Rôle${NBSP}: {role}${NNBSP}; a${NNBSP}? b${NNBSP}! «${NBSP}{title}${NBSP}»`, 'fr'),
    ).toEqual([]);
    expect(problems("voir https://example.org/a?b=c à 12:30, l'outil", 'fr')).toEqual([]);
    expect(problems('voir https://example.org/a puis : b', 'fr')).toHaveLength(1);
    expect(problems('Role: {role}; a? b!', 'en')).toEqual([]);
  });

  it('names a plain or missing space before each French sign', () => {
    expect(problems('Rôle : a ; b ? c !', 'fr')).toEqual([
      'a plain space before ":" in French, use a no-break space: "Rôle : a ; b ? c !"',
      'a plain space before ";" in French, use a narrow no-break space: "Rôle : a ; b ? c !"',
      'a plain space before "?" in French, use a narrow no-break space: "Rôle : a ; b ? c !"',
      'a plain space before "!" in French, use a narrow no-break space: "Rôle : a ; b ? c !"',
    ]);
    expect(problems('Phase: {phase}', 'fr')).toEqual([
      'no space before ":" in French, use a no-break space: "Phase: {phase}"',
    ]);
    expect(problems(`a${NBSP}; b`, 'fr')).toEqual([
      'a no-break space before ";" in French, use a narrow no-break space: "a\u00a0; b"',
    ]);
  });

  it('rejects curly apostrophes and plain spaces inside guillemets in French', () => {
    expect(problems('l’outil', 'fr')).toEqual(['a curly apostrophe in French, use \': "l’outil"']);
    expect(problems('« {title} »', 'fr')).toEqual([
      'a plain space after "«" in French, use a no-break space: "« {title} »"',
      'a plain space before "»" in French, use a no-break space: "« {title} »"',
    ]);
  });

  it('rejects a no-break space before a sign in English', () => {
    expect(problems(`Role${NBSP}: {role}`, 'en')).toEqual([
      'a no-break space before ":" in English: "Role\u00a0: {role}"',
    ]);
    expect(problems(`a${NNBSP}? b`, 'en')).toHaveLength(1);
  });
});

describe('interface messages', () => {
  it('space every French message the French way and use straight apostrophes', () => {
    expect(tableProblems(fr, 'fr')).toEqual([]);
    // The check must see the signs it is about, or it proves nothing.
    const texts = Object.values(fr);
    expect(texts.filter((text) => text.includes(`${NBSP}:`)).length).toBeGreaterThan(50);
    expect(texts.some((text) => text.includes(`${NNBSP};`) || text.includes(`${NNBSP}?`))).toBe(true);
    expect(texts.some((text) => text.includes("'"))).toBe(true);
  });

  it('have no no-break space before a sign in English', () => {
    expect(tableProblems(en, 'en')).toEqual([]);
    expect(Object.values(en).filter((text) => /[:;?!]/.test(text)).length).toBeGreaterThan(50);
  });
});
