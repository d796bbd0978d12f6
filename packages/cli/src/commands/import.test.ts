import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFile } from '@mica-audit/importers';
import { profileFile } from '../../test/fixtures-profile.ts';
import { runCli } from '../../test/run-cli.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../importers/test/fixtures/${name}`, import.meta.url));

describe('mica-audit import --dry-run', () => {
  it('prints one contract entry per file with the detected format and counts', async () => {
    const files = [fixture('sarif.sarif'), fixture('nmap.xml'), fixture('trivy.json')];
    const { code, stdout } = await runCli('import', ...files, '--dry-run', '--json');
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as Record<string, unknown>[];
    expect(entries.map((e) => Object.keys(e))).toEqual(
      files.map(() => ['file', 'format', 'tool', 'findings', 'assets', 'errors']),
    );
    for (const [i, file] of files.entries()) {
      const expected = await importFile(file);
      expect(entries[i]).toEqual({
        file,
        format: expected.format,
        tool: expected.tool,
        findings: expected.findings.length,
        assets: expected.assets.length,
        errors: [],
      });
    }
    expect(entries.map((e) => e.format)).toEqual(['sarif', 'nmap', 'trivy']);
  });

  it('exits non-zero with one line naming the file when a file cannot be imported', async () => {
    const bad = profileFile(
      '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<nmaprun>&a;</nmaprun>\n',
      'evil.xml',
    );
    const { code, stderr, stdout } = await runCli(
      'import',
      fixture('sarif.sarif'),
      bad,
      '--dry-run',
      '--json',
    );
    expect(code).toBe(3);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`mica-audit import: ${bad}:`);
    const entries = JSON.parse(stdout) as { errors: string[] }[];
    expect(entries[0]?.errors).toEqual([]);
    expect(entries[1]?.errors[0]).toMatch(/entit/i);
  });

  it('refuses to run without --dry-run rather than pretending to store', async () => {
    const path = profileFile('x');
    writeFileSync(path, '{}');
    const { code, stderr } = await runCli('import', path);
    expect(code).toBe(2);
    expect(stderr).toContain('--dry-run');
  });
});
