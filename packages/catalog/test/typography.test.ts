import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUNDLED_CATALOGUE } from '../src/load-catalogue.ts';

// The same spaces as packages/core/src/rules/wording.ts, which the scoping explanations use.
const NBSP = '\u00a0';
const NNBSP = '\u202f';

const SPACE_NAMES: Record<string, string> = {
  ' ': 'a plain space',
  [NBSP]: 'a no-break space',
  [NNBSP]: 'a narrow no-break space',
};
const spaceName = (char: string | undefined): string => SPACE_NAMES[char ?? ''] ?? 'no space';

/**
 * What is wrong with the spacing of one text. French: a no-break space (U+00A0) before ":" and after "«" / before
 * "»", a narrow no-break space (U+202F) before ";", "?" and "!". English: no no-break space before those signs.
 */
export function typographyProblems(text: string, lang: 'en' | 'fr'): string[] {
  const problems: string[] = [];
  const chars = [...text];
  chars.forEach((char, at) => {
    const before = chars[at - 1];
    const after = chars[at + 1];
    const around = JSON.stringify(chars.slice(Math.max(0, at - 20), at + 20).join(''));
    if (lang === 'en') {
      if (':;?!'.includes(char) && (before === NBSP || before === NNBSP)) {
        problems.push(`${spaceName(before)} before "${char}" in English: ${around}`);
      }
      return;
    }
    // A colon inside a URL or a time ("https://", "10:30") takes no space.
    const bare = char === ':' && (after === '/' || (/\d/.test(before ?? '') && /\d/.test(after ?? '')));
    const wanted = char === ':' || char === '»' ? NBSP : ';?!'.includes(char) ? NNBSP : undefined;
    if (wanted !== undefined && !bare && before !== wanted) {
      problems.push(`${spaceName(before)} before "${char}" in French, use ${spaceName(wanted)}: ${around}`);
    }
    if (char === '«' && after !== NBSP) {
      problems.push(`${spaceName(after)} after "«" in French, use a no-break space: ${around}`);
    }
  });
  return problems;
}

/** Every string of a parsed YAML value with its path; strings under a `fr` key are French, the others English. */
function* texts(value: unknown, path: string, lang: 'en' | 'fr'): Generator<[string, string, 'en' | 'fr']> {
  if (typeof value === 'string') yield [path, value, lang];
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* texts(item, `${path}[${i}]`, lang);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      yield* texts(item, path === '' ? key : `${path}.${key}`, key === 'fr' ? 'fr' : lang);
    }
  }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

describe('typographyProblems', () => {
  it('accepts French with its no-break spaces and English without them', () => {
    expect(
      typographyProblems(`Familles${NBSP}: a${NNBSP}; b${NNBSP}? c${NNBSP}! «${NBSP}règle${NBSP}»`, 'fr'),
    ).toEqual([]);
    expect(typographyProblems('voir https://eur-lex.europa.eu à 10:30', 'fr')).toEqual([]);
    expect(typographyProblems('Finding families: a; b? c!', 'en')).toEqual([]);
  });

  it('names the plain space before each French sign', () => {
    expect(typographyProblems('voir : a ; b ? c !', 'fr')).toEqual([
      'a plain space before ":" in French, use a no-break space: "voir : a ; b ? c !"',
      'a plain space before ";" in French, use a narrow no-break space: "voir : a ; b ? c !"',
      'a plain space before "?" in French, use a narrow no-break space: "voir : a ; b ? c !"',
      'a plain space before "!" in French, use a narrow no-break space: "voir : a ; b ? c !"',
    ]);
  });

  it('rejects a missing or wrong space and plain spaces inside guillemets', () => {
    expect(typographyProblems('Art. 3: a', 'fr')).toEqual([
      'no space before ":" in French, use a no-break space: "Art. 3: a"',
    ]);
    expect(typographyProblems(`a${NBSP}; b`, 'fr')).toHaveLength(1);
    expect(typographyProblems('« règle de voyage »', 'fr')).toEqual([
      'a plain space after "«" in French, use a no-break space: "« règle de voyage »"',
      'a plain space before "»" in French, use a no-break space: "« règle de voyage »"',
    ]);
  });

  it('rejects a no-break space before a sign in English', () => {
    expect(typographyProblems(`Finding families${NBSP}: a`, 'en')).toEqual([
      `a no-break space before ":" in English: "Finding families${NBSP}: a"`,
    ]);
    expect(typographyProblems(`a${NNBSP}; b`, 'en')).toHaveLength(1);
  });
});

describe('catalogue typography', () => {
  const files = [
    ...yamlFiles(join(BUNDLED_CATALOGUE, 'libraries')),
    ...yamlFiles(join(BUNDLED_CATALOGUE, 'mappings')),
    join(BUNDLED_CATALOGUE, 'domains.yaml'),
  ];

  it('reads the libraries, mappings and domains', () => {
    expect(files.filter((file) => file.includes('libraries')).length).toBeGreaterThanOrEqual(20);
  });

  it.each(files.map((file) => [relative(BUNDLED_CATALOGUE, file), file]))(
    '%s spaces French and English right',
    (_, file) => {
      const problems: string[] = [];
      let french = 0;
      for (const [path, text, lang] of texts(parse(readFileSync(file, 'utf8')), '', 'en')) {
        if (lang === 'fr') french++;
        problems.push(...typographyProblems(text, lang).map((problem) => `${path}: ${problem}`));
      }
      expect(problems).toEqual([]);
      if (file.includes('libraries')) expect(french).toBeGreaterThan(0);
    },
  );
});
