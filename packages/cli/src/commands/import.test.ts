import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '@mica-audit/importers';
import { main } from '../main.ts';
import { profileFile } from '../../test/fixtures-profile.ts';
import { repoRoot, runCli } from '../../test/run-cli.ts';

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

  it('asks for --engagement (or --dry-run) rather than guessing where to store', async () => {
    const path = profileFile('x');
    writeFileSync(path, '{}');
    const { code, stderr } = await runCli('import', path);
    expect(code).toBe(2);
    expect(stderr).toContain('--dry-run');
  });
});

/** Runs the command as on a terminal whose stderr is `columns` wide. */
async function onTerminal(columns: number, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: true,
    cwd: repoRoot,
    stderrColumns: columns,
  });
  return { code, stdout, stderr };
}

describe('mica-audit import progress', () => {
  it("draws a bar on a terminal's stderr, then clears it and says what was read", async () => {
    const file = fixture('sarif.sarif');
    const { code, stdout, stderr } = await onTerminal(72, 'import', file, '--dry-run');
    expect(code).toBe(0);
    const frames = stderr.split('\r').filter((f) => f.includes('%'));
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.at(-1)).toMatch(/\[#+\] 100% · \d+\.\d\/\d+\.\d MiB/);
    for (const frame of frames) expect(frame.replace('\x1b[K', '').length).toBeLessThanOrEqual(71);
    expect(stderr).toContain('\r\x1b[K'); // the bar is cleared before the summary line
    expect(stderr).toMatch(/sarif\.sarif: \d+ findings in [\d.]+ s\n$/);
    expect(stdout).not.toContain('\r');
  });

  it('draws nothing with --json, and nothing when stderr is not a terminal', async () => {
    const file = fixture('sarif.sarif');
    const json = await onTerminal(72, 'import', file, '--dry-run', '--json');
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toHaveLength(1);
    const piped = await runCli('import', file, '--dry-run');
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toMatch(/^.*sarif\.sarif: sarif \(/);
  });
});

describe('mica-audit import --engagement', () => {
  let dir: string;
  let engagementId: string;
  const user = 'lead@demo.mica-audit.test';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mica-cli-import-'));
    const seeded = await runCli('demo', '--data-dir', dir, '--no-serve', '--json');
    engagementId = (JSON.parse(seeded.stdout) as { engagementId: string }).engagementId;
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('stores files into the engagement, deduplicated on a second import, audit chain intact', async () => {
    const files = [fixture('sarif.sarif'), fixture('nmap.xml')];
    const args = ['--engagement', engagementId, '--user', user, '--data-dir', dir, '--json'];
    const first = await runCli('import', ...files, ...args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const entries = JSON.parse(first.stdout) as Record<string, unknown>[];
    expect(entries.map((e) => [e.file, e.format])).toEqual([
      [files[0], 'sarif'],
      [files[1], 'nmap'],
    ]);
    expect(entries[0]).toMatchObject({ new: entries[0]?.findings, updated: 0, fixed: 0 });
    const again = JSON.parse((await runCli('import', files[0] ?? '', ...args)).stdout) as Record<
      string,
      unknown
    >[];
    expect(again[0]).toMatchObject({ new: 0, updated: entries[0]?.findings });
    const verify = await runCli('audit-log', 'verify', '--data-dir', dir, '--json');
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
  });

  it('on a terminal, shows reading then storing, and prints the same results', async () => {
    const args = ['--engagement', engagementId, '--user', user, '--data-dir', dir];
    const { code, stdout, stderr } = await onTerminal(80, 'import', fixture('trivy.json'), ...args);
    expect(code).toBe(0);
    const frames = stderr.split('\r').filter((f) => f.includes('%'));
    expect(frames.some((f) => f.includes('trivy.json ['))).toBe(true);
    expect(frames.at(-1)).toMatch(/^storing \[#+\] 100%/);
    expect(stderr).toMatch(/stored in [\d.]+ s\n$/);
    expect(stdout).toMatch(/trivy\.json: trivy \(Trivy\), \d+ findings: \d+ new/);
  });

  it('stores nothing and names the file when one file is bad; refuses unknown users', async () => {
    const bad = profileFile('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<nmaprun/>\n', 'bad.xml');
    const args = ['--engagement', engagementId, '--user', user, '--data-dir', dir];
    const failed = await runCli('import', fixture('trivy.json'), bad, ...args);
    expect(failed.code).toBe(3);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed.stderr).toContain(`${bad}:`);
    const unknown = await runCli(
      'import',
      fixture('trivy.json'),
      ...args.slice(0, 2),
      '--user',
      'x@y.test',
      '--data-dir',
      dir,
    );
    expect(unknown.code).toBe(4);
  });
});
