import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, parseContent } from '../registry.ts';
import { severityFromWord } from '../severity.ts';

const NOW = '2026-01-01T00:00:00.000Z';

/** Inputs the fuzz tests found, kept as plain tests so they stay fixed. */
describe('importer crashes found by fuzzing', () => {
  it('a ZAP site without a name yields no asset with an empty key', () => {
    const r = parseContent('{"@version":"2.14.0","site":[{"alerts":[]}]}', { format: 'zap-json', now: NOW });
    expect(r.assets).toEqual([]);
  });

  it('a service or severity word naming an Object.prototype member maps like any unknown word', () => {
    const xml = `<?xml version="1.0"?><nmaprun scanner="nmap" version="7.94"><host><status state="up"/>
      <address addr="10.0.0.9" addrtype="ipv4"/><ports><port protocol="tcp" portid="993"><state state="open"/>
      <service name="__proto__"/></port><port protocol="tcp" portid="994"><state state="open"/>
      <service name="constructor"/></port></ports></host></nmaprun>`;
    const r = parseContent(xml, { format: 'nmap', now: NOW });
    expect(r.findings.map((f) => f.severity)).toEqual(['info', 'info']);
    expect(severityFromWord('toString', 'low')).toBe('low');
    expect(severityFromWord('__proto__')).toBe('info');
  });

  it('a SARIF key with an invalid escape is a typed error on the streaming path too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mica-fuzz-regression-'));
    try {
      const file = join(dir, 'bad.sarif');
      await writeFile(file, '{"version":"2.1.0","ru\\xns":[]}');
      await expect(importFile(file, { format: 'sarif', now: NOW })).rejects.toMatchObject({
        code: 'import.malformed',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
