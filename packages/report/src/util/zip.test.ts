import { describe, expect, it } from 'vitest';
import { readZip, renumberBookmarks, writeZip } from './zip.ts';

describe('zip rewriting', () => {
  it('round-trips entries and dates them all the same', () => {
    const entries = [
      { name: 'a.xml', data: Buffer.from('<a>é</a>') },
      { name: 'dir/b.bin', data: Buffer.alloc(5000, 7) },
    ];
    const zip = writeZip(entries, '2026-11-13');
    expect(readZip(zip)).toEqual(entries);
    expect(writeZip(readZip(zip), '2026-11-13').equals(zip)).toBe(true);
    const dosDate = ((2026 - 1980) << 9) | (11 << 5) | 13;
    expect(zip.readUInt16LE(12)).toBe(dosDate);
  });

  it('renumbers table-of-contents bookmarks by first appearance', () => {
    const xml =
      '<w:hyperlink w:anchor="_Toc34"/><w:bookmarkStart w:name="_Toc34" w:id="34"/><w:bookmarkEnd w:id="34"/><w:hyperlink w:anchor="_Toc35"/>';
    expect(renumberBookmarks(xml)).toBe(
      '<w:hyperlink w:anchor="_Toc1"/><w:bookmarkStart w:name="_Toc1" w:id="1"/><w:bookmarkEnd w:id="1"/><w:hyperlink w:anchor="_Toc2"/>',
    );
  });
});
