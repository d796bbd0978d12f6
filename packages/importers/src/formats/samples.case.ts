import { describe, expect, it } from 'vitest';
import type { Finding } from '../finding.ts';
import type { ImportResult } from '../registry.ts';
import { importFile } from '../registry.ts';
import { NOW, hasSamples, sampleDir, sampleFiles } from '../../test/helpers.ts';

/** Expected outcome per real sample: a finding count (counted independently), `empty` (0 findings, format must be named) or `unsupported`. */
export type SampleExpectation = number | 'empty' | 'unsupported';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

/**
 * Runs every real sample of a folder of `/work/shared/research/samples` through the registry. Every file of the
 * folder must be listed, so a new sample cannot go untested; the folder being absent skips cleanly.
 */
export function describeSamples(
  format: string | readonly string[],
  sub: string,
  expected: Readonly<Record<string, SampleExpectation>>,
  checks: (results: ReadonlyMap<string, ImportResult>) => void = () => undefined,
): void {
  const formats = typeof format === 'string' ? [format] : format;
  describe.skipIf(!hasSamples(sub))(`${formats.join(', ')}: real samples in ${sub}`, () => {
    it('lists every sample of the folder', () => {
      expect(sampleFiles(sub)).toEqual(Object.keys(expected).sort());
    });

    for (const [name, want] of Object.entries(expected)) {
      it(`${name} → ${String(want)}`, async () => {
        const path = `${sampleDir(sub)}${name}`;
        if (want === 'unsupported') {
          expect(await codeOf(importFile(path, { now: NOW }))).toBe('import.unknown_format');
          return;
        }
        if (want === 'empty') {
          expect(await codeOf(importFile(path, { now: NOW }))).toBe('import.empty');
          const r = await importFile(path, { now: NOW, format: formats[0] ?? '' });
          expect(r.findings).toHaveLength(0);
          return;
        }
        const r = await importFile(path, { now: NOW });
        expect(formats).toContain(r.format);
        expect(r.findings).toHaveLength(want);
      });
    }

    it('field values of selected findings', async () => {
      const results = new Map<string, ImportResult>();
      for (const [name, want] of Object.entries(expected)) {
        if (typeof want === 'number')
          results.set(name, await importFile(`${sampleDir(sub)}${name}`, { now: NOW }));
      }
      checks(results);
    });
  });
}

/** The one finding of a result matching `pred` (fails the test when absent). */
export function findingOf(
  r: { readonly findings: readonly Finding[] } | undefined,
  pred: (f: Finding) => boolean,
): Finding {
  const hit = r?.findings.find(pred);
  if (hit === undefined) throw new Error('expected finding not found');
  return hit;
}
