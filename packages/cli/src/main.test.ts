import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './registry.ts';
import { catalogFixture, repoRoot, runCli } from '../test/run-cli.ts';
import { profileFile } from '../test/fixtures-profile.ts';

const demo = catalogFixture('ok');

describe('mica-audit', () => {
  it('lists every command of the registry in --help, each with a summary and an example', async () => {
    const { code, stdout } = await runCli('--help');
    expect(code).toBe(0);
    for (const command of COMMANDS) {
      expect(stdout).toContain(`${command.name}`);
      expect(command.examples.length).toBeGreaterThan(0);
      const help = await runCli(...command.name.split(' '), '--help');
      expect(help.stdout).toContain(command.usage);
      expect(help.stdout).toContain(command.examples[0]);
    }
  });

  it('rejects unknown commands and options with a usage error', async () => {
    expect((await runCli('frobnicate')).code).toBe(2);
    const bad = await runCli('scope', '--profil', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--profil'");
  });

  it('scope --json follows the documented contract', async () => {
    const path = profileFile('name: A\nmemberState: FR\nlegalStatus: casp\nservices: [custody]\n');
    const { code, stdout } = await runCli('scope', '--profile', path, '--json', '--catalog', demo);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { catalogue: unknown; requirements: unknown[]; profile: unknown };
    expect(json.catalogue).toEqual([{ id: 'demo', version: '1.2.3' }]);
    expect(json.profile).toEqual({
      name: 'A',
      memberState: 'FR',
      legalStatus: 'casp',
      services: ['custody'],
      issuance: [],
      facts: {},
    });
    expect(json.requirements[0]).toEqual({
      urn: 'urn:mica-audit:demo:art-71:1',
      regulation: 'MiCA',
      article: '71',
      paragraph: '1',
      point: null,
      ref: 'Art. 71(1)',
      title: 'Complaints procedure',
      domains: ['complaints'],
      applicable: true,
      reasons: [
        'legal status: crypto-asset service provider authorised under MiCA Art. 59/63',
        'service provided: custody and administration of crypto-assets on behalf of clients (MiCA Art. 3(1)(16), point a)',
      ],
      mapped: [{ urn: 'urn:mica-audit:demo:art-71:2', relation: 'intersect' }],
    });
  });

  it('scope speaks French with --lang fr and reads JSON profiles', async () => {
    const path = profileFile(
      JSON.stringify({
        name: 'B',
        memberState: 'DE',
        legalStatus: 'credit-institution',
        services: ['custody'],
      }),
      'p.json',
    );
    const { stdout } = await runCli('scope', '--profile', path, '--lang', 'fr', '--catalog', demo);
    expect(stdout).toContain('Procédure de réclamation');
    expect(stdout).toContain('Pas pour les entités notifiées');
    expect(stdout).toContain('1 applicables sur 2 exigences');
    const md = await runCli('scope', '--profile', path, '--format', 'md', '--catalog', demo);
    expect(md.stdout).toContain(
      '| Art. 71(1) | Complaints procedure | excluded | Not for notified entities; legal status: credit institution |',
    );
  });

  it('a bad profile exits non-zero with one line naming the bad value', async () => {
    const path = profileFile('name: A\nmemberState: FR\nlegalStatus: casp\nservices: [custody, staking]\n');
    const { code, stdout, stderr } = await runCli('scope', '--profile', path, '--catalog', demo);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('services[1]: unknown service key "staking"');
    const missing = await runCli('scope', '--profile', '/nonexistent.yaml', '--catalog', demo);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('cannot read profile /nonexistent.yaml: ENOENT');
  });

  it('catalog validate prints file:path: message and exits 1 on problems', async () => {
    const bad = await runCli('catalog', 'validate', catalogFixture('not-ok/bad-rule'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(
      'libraries/demo/nodes.yaml:nodes[1].applicability: rule: unknown service key "staking"',
    );
    const good = await runCli('catalog', 'validate', demo);
    expect(good.code).toBe(0);
    expect(good.stdout).toBe('ok: 4 files, 1 libraries, 2 assessable requirements, 1 mappings\n');
  });

  it('catalog list, show and stats', async () => {
    expect((await runCli('catalog', 'list', '--catalog', demo)).stdout).toContain(
      'demo     1.2.3        2 requirements  Demo library',
    );
    const show = await runCli(
      'catalog',
      'show',
      'urn:mica-audit:demo:art-71:1',
      '--catalog',
      demo,
      '--lang',
      'fr',
    );
    expect(show.stdout).toContain(
      "Disposer d'une procédure de traitement rapide et équitable des réclamations.",
    );
    expect(show.stdout).toContain('level 2: Complaints RTS, Art. 1');
    expect(show.stdout).toContain('applies when: service in [custody, transfer]');
    expect((await runCli('catalog', 'show', 'urn:nope', '--catalog', demo)).code).toBe(4);
    const stats = JSON.parse((await runCli('catalog', 'stats', '--json', '--catalog', demo)).stdout) as {
      requirements: number;
      byDomain: unknown;
    }[];
    expect(stats[0]?.requirements).toBe(2);
    expect(stats[0]?.byDomain).toEqual([
      { key: 'complaints', label: 'Complaints handling', requirements: 2 },
    ]);
  });

  it('the installed bin prints errors without a stack trace', () => {
    const path = profileFile('name: A\nmemberState: XX\nlegalStatus: casp\n');
    const result = spawnSync(process.execPath, ['packages/cli/src/bin.ts', 'scope', '--profile', path], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('memberState: unknown member state "XX"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
