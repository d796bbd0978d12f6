import { expect, it } from 'vitest';
import { LABELS } from '../src/i18n/labels.ts';
import { readZip } from '../src/util/zip.ts';
import { formatContract } from './format-contract.case.ts';

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

  it('dates the document and every archive entry with the report date', () => {
    const entries = readZip(rendered().en);
    const core = entries.find((e) => e.name === 'docProps/core.xml')!.data.toString('utf8');
    expect(core).toContain('2026-11-13T00:00:00Z');
  });
});
