import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest, verifyManifest } from '../src/manifest/manifest.ts';
import { writeDeliverables } from '../src/manifest/write-deliverables.ts';
import { demo } from './fixtures.ts';

const BASE = 'mica-audit_exemple-custody-sas_mica-authorisation-readiness-audit_2026-11-13';
const SNAPSHOT = `${BASE}_snapshot.json`;
const WORKBOOK = `${BASE}_fr.xlsx`;

async function issued(): Promise<string> {
  const { snapshot, catalogue } = await demo();
  const dir = mkdtempSync(join(tmpdir(), 'mica-deliverables-'));
  await writeDeliverables(snapshot, { formats: ['json', 'oscal-ar'], lang: 'en', outDir: dir, catalogue });
  await writeDeliverables(snapshot, { formats: ['xlsx'], lang: 'fr', outDir: dir, catalogue });
  return dir;
}

describe('manifest', () => {
  it('lists every deliverable written, across calls, with its hash, size and the audit-log head', async () => {
    const { snapshot } = await demo();
    const dir = await issued();
    const manifest = await readManifest(dir);
    expect(manifest.auditLogHead).toBe(snapshot.engagement.auditLogHead);
    expect(manifest.files.map((f) => f.file)).toEqual([
      WORKBOOK,
      `${BASE}_oscal-assessment-results.json`,
      SNAPSHOT,
    ]);
    expect(await verifyManifest(dir)).toMatchObject({
      ok: true,
      checked: 3,
      altered: [],
      missing: [],
      extra: [],
    });
  });

  it('links the OSCAL assessment results to the JSON export written beside them', async () => {
    const dir = await issued();
    const results = readFileSync(join(dir, `${BASE}_oscal-assessment-results.json`), 'utf8');
    const hrefs = [...results.matchAll(/"href": "([^"#][^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toContain(SNAPSHOT);
    expect(existsSync(join(dir, SNAPSHOT))).toBe(true);
  });

  it('names an altered, a missing and an extra file', async () => {
    const dir = await issued();
    writeFileSync(
      join(dir, SNAPSHOT),
      readFileSync(join(dir, SNAPSHOT), 'utf8').replace('Claire Martin', 'Claire Mart1n'),
    );
    rmSync(join(dir, WORKBOOK));
    writeFileSync(join(dir, 'notes.txt'), 'slipped in');
    expect(await verifyManifest(dir)).toEqual({
      ok: false,
      auditLogHead: (await readManifest(dir)).auditLogHead,
      checked: 3,
      altered: [SNAPSHOT],
      missing: [WORKBOOK],
      extra: ['notes.txt'],
    });
  });

  it('is reproducible: issuing twice gives the same manifest bytes', async () => {
    const a = await issued();
    const b = await issued();
    expect(readFileSync(join(a, 'manifest.json'), 'utf8')).toBe(
      readFileSync(join(b, 'manifest.json'), 'utf8'),
    );
  });

  it('refuses a folder without a manifest, a tampered manifest, or another engagement', async () => {
    const { snapshot, catalogue } = await demo();
    const empty = mkdtempSync(join(tmpdir(), 'mica-empty-'));
    await expect(verifyManifest(empty)).rejects.toMatchObject({ code: 'report.manifest_missing' });
    const dir = await issued();
    writeFileSync(join(dir, 'manifest.json'), '{"manifestVersion": 1}');
    await expect(verifyManifest(dir)).rejects.toMatchObject({ code: 'report.manifest_invalid' });
    const other = await issued();
    const foreign = { ...snapshot, engagement: { ...snapshot.engagement, id: 'ENG-OTHER' } };
    await expect(
      writeDeliverables(foreign, { formats: ['json'], lang: 'en', outDir: other, catalogue }),
    ).rejects.toMatchObject({ code: 'report.manifest_conflict' });
  });
});
