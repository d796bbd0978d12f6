import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.ts';

interface ManifestJson {
  engagementId: string;
  reportVersion: string;
  auditLogHead: string;
  files: { file: string; sha256: string }[];
}

describe('mica-audit report --engagement', () => {
  let dir: string;
  let engagementId: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mica-cli-report-'));
    const seeded = await runCli('demo', '--data-dir', join(dir, 'data'), '--no-serve', '--json');
    expect(seeded.code).toBe(0);
    engagementId = (JSON.parse(seeded.stdout) as { engagementId: string }).engagementId;
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  const report = (...args: string[]) =>
    runCli('report', '--engagement', engagementId, '--data-dir', join(dir, 'data'), ...args);
  const manifest = async (out: string) =>
    JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as ManifestJson;

  it('writes both OSCAL documents, then adds formats to the same manifest, which verifies', async () => {
    const out = join(dir, 'out');
    const oscal = await report('--format', 'oscal', '--lang', 'en', '--out', out, '--json');
    expect(oscal.stderr).toBe('');
    expect(oscal.code).toBe(0);
    expect((JSON.parse(oscal.stdout) as { files: unknown[] }).files).toHaveLength(2);
    const first = await manifest(out);
    expect(first).toMatchObject({ engagementId, reportVersion: '1' });
    expect(first.auditLogHead).toMatch(/^[0-9a-f]{64}$/);
    // Named after the entity, the engagement and the report date (the day the snapshot is taken).
    const base = (first.files[0]?.file ?? '').replace(/_oscal-assessment-results\.json$/, '');
    expect(base).toMatch(/^mica-audit_garde-numerique-sas_mica-authorisation-audit-2026_\d{4}-\d{2}-\d{2}$/);
    expect(first.files.map((f) => f.file)).toEqual([
      `${base}_oscal-assessment-results.json`,
      `${base}_oscal-poam.json`,
    ]);
    const ar = JSON.parse(await readFile(join(out, first.files[0]?.file ?? ''), 'utf8')) as object;
    expect(ar).toHaveProperty('assessment-results');

    const pdf = await report('--format', 'pdf', '--lang', 'fr', '--out', out);
    expect(pdf.code).toBe(0);
    expect(pdf.stdout).toMatch(/^wrote mica-audit_\S+_fr\.pdf \(\d+ bytes, sha256 [0-9a-f]{64}\)\n$/);
    const json = await report('--format', 'json', '--out', out);
    expect(json.code).toBe(0);
    const snapshot = JSON.parse(await readFile(join(out, `${base}_snapshot.json`), 'utf8')) as {
      engagement: { clientName: string };
      findings: unknown[];
    };
    expect(snapshot.engagement.clientName).toBe('Garde Numérique SAS');
    expect(snapshot.findings.length).toBeGreaterThanOrEqual(3);
    expect((await manifest(out)).files).toHaveLength(4);
    const pdfBytes = await readFile(join(out, `${base}_fr.pdf`));
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');

    const verified = await runCli('report', 'verify', out, '--json');
    expect(verified.code).toBe(0);
    await writeFile(join(out, `${base}_snapshot.json`), '{}');
    const altered = await runCli('report', 'verify', out);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain(`${base}_snapshot.json`);
  }, 120_000);

  it('exits 4 for an unknown engagement and 2 for a bad format', async () => {
    const unknown = await runCli(
      'report',
      '--engagement',
      'nope',
      '--format',
      'json',
      '--out',
      join(dir, 'x'),
      '--data-dir',
      join(dir, 'data'),
    );
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('no engagement nope');
    expect((await report('--format', 'pptx', '--out', join(dir, 'y'))).code).toBe(2);
    expect((await runCli('report', '--format', 'json', '--out', join(dir, 'z'))).code).toBe(2);
  }, 60_000);
});
