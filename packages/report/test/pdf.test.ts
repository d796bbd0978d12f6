import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../src/i18n/labels.ts';
import { renderFromModel } from '../src/render.ts';
import { formatContract } from './format-contract.case.ts';
import { demo, hasTool } from './fixtures.ts';

const layers = new WeakMap<Buffer, string>();

/** The text layer of a PDF, extracted once per buffer (pdftotext takes seconds on the full report). */
function text(pdf: Buffer): string {
  const known = layers.get(pdf);
  if (known !== undefined) return known;
  const layer = extract(pdf);
  layers.set(pdf, layer);
  return layer;
}

function extract(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'mica-pdf-'));
  writeFileSync(join(dir, 'r.pdf'), pdf);
  return execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

const SECTIONS = [
  'secSummary',
  'secScope',
  'secSoa',
  'secResults',
  'secGaps',
  'secFindings',
  'secRisks',
  'secActions',
  'secPrudential',
  'secAnnexes',
  'secGlossary',
] as const;

formatContract('pdf', (rendered) => {
  it('declares PDF/A-2b in its XMP metadata and carries the report date, not the clock', () => {
    const raw = rendered().en.toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toContain('2026-11-13T00:00:00');
  });

  describe.skipIf(!hasTool('pdftotext'))('text layer (pdftotext)', () => {
    it.each(['en', 'fr'] as const)(
      'has every section title in %s, the client, a requirement ref and an evidence hash',
      async (lang) => {
        const { snapshot } = await demo();
        const layer = text(rendered()[lang]);
        for (const key of SECTIONS) expect(layer, key).toContain(LABELS[key][lang]);
        expect(layer).toContain('Exemple Custody SAS');
        expect(layer).toContain('Art. 70(3)');
        expect(layer).toContain(snapshot.evidence[0]!.sha256);
      },
    );

    it.each(['en', 'fr'] as const)(
      'in %s, keeps the closing line on the glossary page and the profile fields out of the reasons',
      (lang) => {
        const pages = text(rendered()[lang]).split('\f');
        const closing = pages.findIndex((p) => p.includes(LABELS.generatedBy[lang]));
        expect(closing).toBeGreaterThan(0);
        expect(pages[closing]).toContain(LABELS.secGlossary[lang]);
        expect(pages.join('')).not.toMatch(/\(facts\.\w+/);
      },
    );

    it('gives references and tool findings in French in the French report', () => {
      const layer = text(rendered().fr).replace(/\s+/g, ' ');
      expect(layer).not.toMatch(/subparagraph|wallet and key architecture|Root account without MFA/);
      expect(layer).toContain('deuxième alinéa');
      expect(layer).toContain('Compte racine sans authentification multifacteur');
    });

    it('shows a finding without description with no empty "Description." line', async () => {
      const { model } = await demo();
      const bare = {
        ...model.snapshot,
        findings: model.snapshot.findings.map((f) => ({ ...f, description: '' })),
      };
      const layer = text(await renderFromModel({ ...model, snapshot: bare }, 'pdf', 'en'));
      expect(text(rendered().en)).toContain('Description.');
      expect(layer).not.toContain('Description.');
      expect(layer).toContain('Remediation.');
    });

    it('has no English label left in the French report', () => {
      const layer = text(rendered().fr).replace(/\s+/g, ' ');
      const english = Object.values(LABELS)
        .filter((l) => l.en !== l.fr && l.en.length >= 14 && !l.en.includes('{'))
        .map((l) => l.en)
        .filter((en) => layer.includes(en));
      expect(english).toEqual([]);
    });
  });
});
