/**
 * French spacing in the report: a no-break space before ":" and inside « », a narrow no-break space before ";", "?"
 * and "!"; English has none of them. Checked on the view model, which both the PDF and the DOCX render.
 */
import { describe, expect, it } from 'vitest';
import { LABELS } from '../src/i18n/labels.ts';
import { readableReason } from '../src/view/compliance-view.ts';
import { buildView } from '../src/view/build-view.ts';
import { semicolons } from '../src/view/format.ts';
import type { ReportView } from '../src/view/types.ts';
import { demo } from './fixtures.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** Every string of the view but the chart drawings (SVG markup), with its path. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (path === 'charts') continue;
      yield* strings(item, path === '' ? key : `${path}.${key}`);
    }
  }
}

function offences(view: ReportView, pattern: RegExp): string[] {
  return [...strings(view, '')].flatMap(([path, text]) => {
    const match = pattern.exec(text);
    return match === null
      ? []
      : [`${path}: ${JSON.stringify(text.slice(Math.max(0, match.index - 30), match.index + 10))}`];
  });
}

const { model } = await demo();
const views = { en: buildView(model, 'en'), fr: buildView(model, 'fr') };

describe('French typography of the report', () => {
  it('joins reasons with a narrow no-break space before ";" in French only', () => {
    expect(semicolons(['a', 'b', 'c'], 'fr')).toBe(`a${NNBSP}; b${NNBSP}; c`);
    expect(semicolons(['a', 'b'], 'en')).toBe('a; b');
    expect(semicolons(['a'], 'fr')).toBe('a');
  });

  it('shows a requirement with several scoping reasons with French separators in the statement of applicability', () => {
    const several = model.requirements.find((r) => r.req.reasons.length >= 2);
    if (several === undefined) throw new Error('the demo has no requirement with two reasons');
    const cell = (lang: 'en' | 'fr') =>
      views[lang].soa.groups
        .flatMap((g) => g.table.rows)
        .find((row) => row[1] === several.req.title[lang])?.[3];
    const reasons = (lang: 'en' | 'fr') => several.req.reasons.map((x) => readableReason(x[lang]));
    expect(cell('fr')).toBe(reasons('fr').join(`${NNBSP}; `));
    expect(cell('en')).toBe(reasons('en').join('; '));
  });

  it('has no plain space before ":", ";", "?", "!" or inside guillemets in the French view', () => {
    expect(offences(views.fr, / [:;?!»]|« /)).toEqual([]);
  });

  it('has no no-break space before ":", ";", "?" or "!" in the English view', () => {
    expect(offences(views.en, /[\u00a0\u202f][:;?!]/)).toEqual([]);
  });

  it('uses the straight apostrophe of the catalogue and the scoping reasons throughout the French view', () => {
    expect(offences(views.fr, /’/)).toEqual([]);
    expect([...strings(views.fr, '')].some(([, text]) => text.includes("d'"))).toBe(true);
  });

  it('spaces every French label with no-break spaces and no English label with them', () => {
    const french = Object.entries(LABELS).filter(([, l]) => / [:;?!»]|« /.test(l.fr));
    const english = Object.entries(LABELS).filter(([, l]) => /[\u00a0\u202f][:;?!]/.test(l.en));
    expect(french.map(([key]) => key)).toEqual([]);
    expect(english.map(([key]) => key)).toEqual([]);
    expect(LABELS.soaCount.fr.endsWith(`${NBSP}:`)).toBe(true);
  });
});
