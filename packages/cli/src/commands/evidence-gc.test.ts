import { mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEvidenceStore } from '@mica-audit/server';
import { startTestS3, type TestS3 } from '../../../server/src/evidence/s3-test-server.ts';
import { runCli } from '../../test/run-cli.ts';

interface GcJson {
  dryRun: boolean;
  scanned: number;
  referenced: number;
  recent: number;
  removed: { sha256: string; size: number }[];
  stagedRemoved: number | null;
}

/** An archive without its creation time and end line: equal for equal content. */
async function archiveBody(file: string): Promise<string[]> {
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
  const manifest = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
  return [JSON.stringify({ ...manifest, createdAt: '' }), ...lines.slice(1, -1)];
}

describe('mica-audit evidence gc, and backup/restore on either store', () => {
  let dir: string;
  let source: string;
  let organisationId: string;
  let s3: TestS3;
  const saved = { ...process.env };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mica-cli-gc-'));
    source = join(dir, 'source');
    const seeded = await runCli('demo', '--data-dir', source, '--no-serve', '--json');
    expect(seeded.code).toBe(0);
    organisationId = (JSON.parse(seeded.stdout) as { organisationId: string }).organisationId;
    s3 = await startTestS3();
  }, 180_000);
  afterAll(async () => {
    process.env = saved;
    await s3.stop();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('lists, then deletes, only the old content no row refers to', async () => {
    const store = new LocalEvidenceStore(join(source, 'evidence'));
    const staged = await store.stage(Readable.from([Buffer.from('left behind by a crash')]));
    await staged.commit();
    const then = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(join(source, 'evidence', 'sha256', staged.sha256.slice(0, 2), staged.sha256), then, then);

    const dry = await runCli('evidence', 'gc', '--data-dir', source, '--dry-run', '--json');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    const planned = JSON.parse(dry.stdout) as GcJson;
    expect(planned).toMatchObject({ dryRun: true, scanned: 4, stagedRemoved: null });
    expect(planned.removed).toEqual([{ sha256: staged.sha256, size: 22 }]);
    expect(await store.has(staged.sha256)).toBe(true);

    const done = await runCli('evidence', 'gc', '--data-dir', source, '--json');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ dryRun: false, scanned: 4, stagedRemoved: 0 });
    expect(await store.has(staged.sha256)).toBe(false);

    const text = await runCli('evidence', 'gc', '--data-dir', source);
    expect(text.stdout).toMatch(
      /3 stored; kept 3 younger than one hour and 0 older but in use\nremoved 0 unreferenced/,
    );
  }, 120_000);

  it('restores into an S3 store, backs up from it identically, and sweeps it', async () => {
    const archive = join(dir, 'local.jsonl');
    const made = await runCli(
      'backup',
      '--organisation',
      organisationId,
      '--out',
      archive,
      '--data-dir',
      source,
    );
    expect(made.code).toBe(0);

    const target = join(dir, 'on-s3');
    delete process.env.MICA_AUDIT_S3_BUCKET;
    const unset = await runCli('restore', archive, '--data-dir', target, '--evidence-store', 's3');
    expect(unset.code).toBe(3);
    expect(unset.stderr).toMatch(/MICA_AUDIT_S3_BUCKET is not set/);

    Object.assign(process.env, s3.env, { MICA_AUDIT_S3_PREFIX: 'restored/' });
    const restored = await runCli(
      'restore',
      archive,
      '--data-dir',
      target,
      '--evidence-store',
      's3',
      '--json',
    );
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const files = (JSON.parse(restored.stdout) as { files: { sha256: string }[] }).files;
    const store = s3.store('restored/');
    for (const file of files) expect(await store.has(file.sha256)).toBe(true);

    const again = join(dir, 's3.jsonl');
    const fromS3 = await runCli(
      'backup',
      '--organisation',
      organisationId,
      '--out',
      again,
      '--data-dir',
      target,
      '--evidence-store',
      's3',
    );
    expect(fromS3.code).toBe(0);
    expect(await archiveBody(again)).toEqual(await archiveBody(archive));

    // MICA_AUDIT_EVIDENCE_STORE selects the store when the flag is absent.
    process.env.MICA_AUDIT_EVIDENCE_STORE = 's3';
    const gc = await runCli('evidence', 'gc', '--data-dir', target, '--json');
    expect(gc.code).toBe(0);
    expect(JSON.parse(gc.stdout)).toMatchObject({ scanned: files.length, removed: [] });
  }, 120_000);
});
