/**
 * The contract every deliverable format passes: it renders the demo engagement in English and French, the output is
 * not empty, starts with the format's magic bytes, and two renders of the same snapshot are byte-identical (the
 * manifest hash must be reproducible). Each format's test file runs this and adds its own checks.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderFromModel, type ReportFormat } from '../src/render.ts';
import type { ReportLang } from '../src/snapshot.schema.ts';
import { demo } from './fixtures.ts';

export const MAGIC: Readonly<Record<ReportFormat, Buffer>> = {
  pdf: Buffer.from('%PDF-'),
  docx: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  xlsx: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  json: Buffer.from('{'),
  'oscal-ar': Buffer.from('{'),
  'oscal-poam': Buffer.from('{'),
};

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Renders the demo in both languages once and hands the buffers to the format's own checks. */
export function formatContract(
  format: ReportFormat,
  extra: (rendered: () => Readonly<Record<ReportLang, Buffer>>) => void = () => {},
): void {
  describe(`${format}: the deliverable contract`, () => {
    const out: Partial<Record<ReportLang, Buffer>> = {};
    beforeAll(async () => {
      const { model } = await demo();
      out.en = await renderFromModel(model, format, 'en');
      out.fr = await renderFromModel(model, format, 'fr');
      // Two full reports on a shared 2-core machine: well past the default hook timeout when it is busy.
    }, 120_000);

    it.each(['en', 'fr'] as const)('renders the demo in %s, non-empty, with the magic bytes', (lang) => {
      const data = out[lang]!;
      expect(data.length).toBeGreaterThan(1000);
      expect(data.subarray(0, MAGIC[format].length).equals(MAGIC[format])).toBe(true);
    });

    it('gives the same bytes on a second render (reproducible manifest hash)', async () => {
      const { model } = await demo();
      const again = await renderFromModel(model, format, 'fr');
      expect(sha(again)).toBe(sha(out.fr!));
    });

    extra(() => ({ en: out.en!, fr: out.fr! }));
  });
}
