import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportDemoCommand } from '../../cli/src/commands/report-demo.ts';
import { reportVerifyCommand } from '../../cli/src/commands/report-verify.ts';

function io() {
  const out: string[] = [];
  return {
    out,
    io: {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => out.push(t),
      isTTY: false,
      cwd: tmpdir(),
    },
  };
}

describe('mica-audit report demo / report verify', () => {
  it('writes the demo workbook, verifies the folder, then names the file slipped in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mica-cli-report-'));
    const a = io();
    expect(
      await reportDemoCommand.run({
        io: a.io,
        values: { format: 'xlsx', lang: 'fr', out: dir },
        positionals: [],
      }),
    ).toBe(0);
    expect(a.out.join('')).toContain(
      'wrote mica-audit_exemple-custody-sas_mica-authorisation-readiness-audit_2026-11-13_fr.xlsx',
    );
    const b = io();
    expect(await reportVerifyCommand.run({ io: b.io, values: {}, positionals: [dir] })).toBe(0);
    expect(b.out.join('')).toMatch(/^ok: 1 files match the manifest/);
    writeFileSync(join(dir, 'extra.txt'), 'x');
    const c = io();
    expect(await reportVerifyCommand.run({ io: c.io, values: { json: true }, positionals: [dir] })).toBe(1);
    expect(JSON.parse(c.out.join(''))).toMatchObject({ ok: false, extra: ['extra.txt'] });
  });

  it('rejects an unknown format as a usage error', async () => {
    const a = io();
    await expect(
      reportDemoCommand.run({ io: a.io, values: { format: 'odt', out: tmpdir() }, positionals: [] }),
    ).rejects.toMatchObject({ code: 'cli.usage' });
  });
});
