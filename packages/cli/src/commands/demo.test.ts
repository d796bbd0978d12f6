import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, pgliteDirOf } from '@mica-audit/server';
import { runCli } from '../../test/run-cli.ts';

describe('mica-audit demo and audit-log verify', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mica-cli-demo-'));
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('seeds with --no-serve --json, verifies the chain, then names a tampered entry', async () => {
    const seeded = await runCli('demo', '--data-dir', dir, '--no-serve', '--json');
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    const out = JSON.parse(seeded.stdout) as {
      engagementId: string;
      organisationId: string;
      user: { email: string };
    };
    expect(out.engagementId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.user.email).toBe('lead@demo.mica-audit.test');

    const intact = await runCli('audit-log', 'verify', '--data-dir', dir, '--json');
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true });

    const database = await openDatabase({ pgliteDir: pgliteDirOf(dir) });
    await database.db
      .updateTable('audit_log')
      .set({ actor_id: 'someone-else' })
      .where('seq', '=', 5)
      .execute();
    await database.close();
    const broken = await runCli('audit-log', 'verify', '--data-dir', dir);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('audit log entry 5');
  });

  it('rejects a bad port as a usage error', async () => {
    expect((await runCli('serve', '--port', 'eighty')).code).toBe(2);
  });
});
