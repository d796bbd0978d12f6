import { expect, it } from 'vitest';
import { LABELS } from '../src/i18n/labels.ts';
import { renderFromModel } from '../src/render.ts';
import { readZip } from '../src/util/zip.ts';
import { formatContract } from './format-contract.case.ts';
import { demo } from './fixtures.ts';
import { pngInk, pngSize } from './png.ts';

function documentXml(docx: Buffer): string {
  return readZip(docx)
    .find((e) => e.name === 'word/document.xml')!
    .data.toString('utf8');
}

formatContract('docx', (rendered) => {
  it('uses real Word heading styles, a table of contents and tables', () => {
    const xml = documentXml(rendered().en);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading3"/>');
    expect(xml).toContain('TOC \\h \\o');
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('is complete in French: section headings, client and evidence hashes', () => {
    const xml = documentXml(rendered().fr);
    for (const title of [
      'Synthèse',
      'Périmètre et méthodologie',
      'Écarts et éléments probants',
      'Constats techniques',
      'Glossaire',
    ]) {
      expect(xml).toContain(title);
    }
    expect(xml).toContain('Exemple Custody SAS');
  });

  it('has no English label left in the French document', () => {
    const text = documentXml(rendered().fr)
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    const english = Object.values(LABELS)
      .filter((l) => l.en !== l.fr && l.en.length >= 14 && !l.en.includes('{'))
      .map((l) => l.en)
      .filter((en) => text.includes(en));
    expect(english).toEqual([]);
  });

  it('embeds the six charts as SVG with a non-blank PNG fallback at twice their size', () => {
    const media = readZip(rendered().fr).filter((e) => e.name.startsWith('word/media/'));
    const pngs = media.filter((e) => e.name.endsWith('.png'));
    expect(pngs).toHaveLength(6);
    expect(media.filter((e) => e.name.endsWith('.svg'))).toHaveLength(6);
    for (const png of pngs) {
      const size = pngSize(png.data);
      expect(size, png.name).not.toBeNull();
      expect(size!.width, png.name).toBeGreaterThanOrEqual(1000);
      expect(png.data.length, png.name).toBeGreaterThan(10_000);
      // A chart, not an empty frame: bars, lines and labels cover a good share of the picture.
      expect(pngInk(png.data), png.name).toBeGreaterThan(0.02 * size!.width * size!.height);
    }
  });

  it('captions every chart and gives it alternative text with its figures', () => {
    const xml = documentXml(rendered().fr);
    const drawings = [...xml.matchAll(/<wp:docPr id="(\d+)" name="[^"]*" descr="([^"]*)" title="([^"]*)"/g)];
    expect(drawings.map((d) => d[1])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(drawings[0]![3]).toBe('Figure 1\u00a0: Score de conformité par domaine (0-100)');
    expect(drawings[0]![2]).toMatch(/Lutte contre le blanchiment \(LCB-FT\) \d+,\d/);
    expect(xml.match(/<w:pStyle w:val="Caption"\/>/g)).toHaveLength(6);
  });

  it('shows a finding without description with no empty "Description." line', async () => {
    const { model } = await demo();
    const withDescriptions = documentXml(rendered().en);
    const bare = {
      ...model.snapshot,
      findings: model.snapshot.findings.map((f) => ({ ...f, description: '' })),
    };
    const xml = documentXml(await renderFromModel({ ...model, snapshot: bare }, 'docx', 'en'));
    expect(withDescriptions).toContain('>Description. <');
    expect(xml).not.toContain('>Description. <');
    expect(xml).toContain('>Remediation. <');
  });

  it('dates the document and every archive entry with the report date', () => {
    const entries = readZip(rendered().en);
    const core = entries.find((e) => e.name === 'docProps/core.xml')!.data.toString('utf8');
    expect(core).toContain('2026-11-13T00:00:00Z');
  });
});
