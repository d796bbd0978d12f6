import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.ts';

describe('mica-audit backup and restore', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mica-cli-backup-'));
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('backs up the demo organisation, restores it elsewhere, and refuses an altered archive', async () => {
    const source = join(dir, 'source');
    const seeded = await runCli('demo', '--data-dir', source, '--no-serve', '--json');
    expect(seeded.code).toBe(0);
    const { organisationId } = JSON.parse(seeded.stdout) as { organisationId: string };
    const archive = join(dir, 'demo.jsonl');
    const made = await runCli(
      'backup',
      '--organisation',
      organisationId,
      '--out',
      archive,
      '--data-dir',
      source,
      '--json',
    );
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const manifest = JSON.parse(made.stdout) as { counts: Record<string, number>; files: unknown[] };
    expect(manifest.counts.evidence).toBeGreaterThan(0);
    expect(manifest.files.length).toBeGreaterThan(0);

    const forged = join(dir, 'forged.jsonl');
    const text = await readFile(archive, 'utf8');
    await writeFile(
      forged,
      text.replace(/"b":"(.)/, (_m, c: string) => `"b":"${c === 'A' ? 'B' : 'A'}`),
    );
    const refused = await runCli('restore', forged, '--data-dir', join(dir, 'target'));
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/SHA-256|hash/);

    const restored = await runCli('restore', archive, '--data-dir', join(dir, 'target'), '--json');
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const verify = await runCli('audit-log', 'verify', '--data-dir', join(dir, 'target'), '--json');
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
    const again = await runCli('restore', archive, '--data-dir', join(dir, 'target'));
    expect(again.code).toBe(5);
    const usage = await runCli('backup', '--out', archive);
    expect(usage.code).toBe(2);
  }, 180_000);
});
