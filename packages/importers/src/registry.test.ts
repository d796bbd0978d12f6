import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, NOW, fixture } from '../test/helpers.ts';
import { applyMapping } from './mapping/match.ts';
import { loadMappingRules } from './mapping/rules.ts';
import { FORMATS, detectFormat, importFile, parseContent } from './registry.ts';

function failure(fn: () => unknown): { code?: string; message: string; path?: string } {
  try {
    fn();
  } catch (e) {
    return e as { code?: string; message: string; path?: string };
  }
  throw new Error('expected an error');
}

async function failureAsync(p: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; message: string };
  }
  throw new Error('expected an error');
}

describe('registry: detection', () => {
  it('recognises every fixture by exactly one format', () => {
    for (const name of readdirSync(FIXTURES)) {
      const sample = fixture(name).slice(0, 64 * 1024);
      expect(
        FORMATS.filter((f) => f.detect(sample)).map((f) => f.name),
        name,
      ).toHaveLength(1);
    }
  });

  it('never looks at the file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mica-importers-'));
    const path = join(dir, 'report.csv');
    writeFileSync(path, fixture('trivy.json'));
    expect((await importFile(path, { now: NOW })).format).toBe('trivy');
  });

  it('refuses unknown content and empty files without a named format', () => {
    expect(failure(() => detectFormat('hello world')).code).toBe('import.unknown_format');
    expect(failure(() => parseContent('{"foo": 1}', { now: NOW })).code).toBe('import.unknown_format');
    expect(failure(() => parseContent('', { now: NOW })).code).toBe('import.empty');
    expect(failure(() => parseContent('null\n', { now: NOW })).code).toBe('import.empty');
    expect(parseContent('null', { format: 'gitleaks', now: NOW }).findings).toEqual([]);
    expect(failure(() => parseContent('x', { format: 'excel', now: NOW })).code).toBe(
      'import.unknown_format',
    );
  });
});

describe('registry: malformed input names where', () => {
  it('JSON: path and offset', () => {
    const broken = fixture('trivy.json').replace('"PkgName": "bash",', '"PkgName": "bash"');
    const e = failure(() => parseContent(broken, { now: NOW }));
    expect(e.code).toBe('import.malformed');
    expect(e.message).toMatch(/\$\.Results\[0\]\.Vulnerabilities\[1\]\.PkgName \(offset \d+, line 33\)/);
  });

  it('XML: line', () => {
    const lines = fixture('zap.xml').split('\n');
    lines[3] = (lines[3] ?? '').replace('</desc>', '</dsc>');
    const e = failure(() => parseContent(lines.join('\n'), { now: NOW }));
    expect(e.code).toBe('import.malformed');
    expect(e.message).toMatch(/line 4/);
    const nmapBroken = fixture('nmap.xml').replace(
      '<service name="telnet" method="table" conf="3"/></port>',
      '<service name="telnet"/>',
    );
    const n = failure(() => parseContent(nmapBroken, { now: NOW }));
    expect(n.code).toBe('import.malformed');
    expect(n.message).toMatch(/line 1[0-9]/);
  });
});

describe('registry: XML entities are refused, a plain DTD is not', () => {
  it('XXE fails fast', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE nmaprun [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<nmaprun scanner="nmap">&xxe;</nmaprun>`;
    const e = failure(() => parseContent(xxe, { now: NOW }));
    expect(e.code).toBe('import.xml_entities');
    expect(e.message).toMatch(/line 3/);
  });

  it('billion laughs fails fast', () => {
    const decl = Array.from(
      { length: 10 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE issues [\n<!ENTITY lol0 "lol">\n${decl}\n]>\n<issues burpVersion="1">&lol10;</issues>`;
    const started = performance.now();
    expect(failure(() => parseContent(bomb, { now: NOW })).code).toBe('import.xml_entities');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('parameter entities and late DOCTYPEs are refused too', () => {
    const param = fixture('burp.xml').replace(
      '<!ELEMENT serialNumber (#PCDATA)>',
      '<!ENTITY % ext SYSTEM "http://evil.example/x.dtd"> %ext;',
    );
    expect(failure(() => parseContent(param, { now: NOW })).code).toBe('import.xml_entities');
    const late = fixture('zap.xml').replace('<alerts>', '<alerts><!DOCTYPE x [<!ENTITY e "boom">]>');
    expect(failure(() => parseContent(late, { now: NOW })).code).toBe('import.xml_entities');
  });

  it('a DOCTYPE with only ELEMENT/ATTLIST declarations imports, and ENTITY text in CDATA is data', () => {
    expect(parseContent(fixture('burp.xml'), { now: NOW }).findings).toHaveLength(2);
  });

  it('undeclared entity references are never expanded', () => {
    const xml = fixture('zap.xml').replace('SQL injection may be possible.', 'SQL &custom; &amp; &#x41;');
    const f = parseContent(xml, { now: NOW }).findings.find((x) => x.ruleId === '40018');
    expect(f?.description).toBe('SQL &custom; & A');
  });
});

describe('registry: size limit and all-or-nothing', () => {
  it('refuses files over the limit', async () => {
    expect(failure(() => parseContent(fixture('trivy.json'), { now: NOW, maxBytes: 100 })).code).toBe(
      'import.too_large',
    );
    const dir = mkdtempSync(join(tmpdir(), 'mica-importers-'));
    const path = join(dir, 'x.json');
    writeFileSync(path, fixture('trivy.json'));
    expect((await failureAsync(importFile(path, { now: NOW, maxBytes: 100 }))).code).toBe('import.too_large');
  });

  it('one bad record fails the whole import', () => {
    const ok = fixture('nuclei.jsonl');
    expect(parseContent(ok, { now: NOW }).findings).toHaveLength(2);
    expect(failure(() => parseContent(`${ok}not json\n`, { now: NOW })).code).toBe('import.malformed');
  });

  it('merges duplicates of one file into one finding', () => {
    const line = fixture('nuclei.jsonl').split('\n')[0] ?? '';
    const r = parseContent(`${line}\n${line}\n${line}\n`, { now: NOW });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.occurrences).toBe(3);
  });
});

describe('registry: byte-level details', () => {
  it('accepts a UTF-8 BOM and CRLF line ends', () => {
    expect(parseContent(`\uFEFF${fixture('sarif.sarif')}`, { now: NOW }).findings).toHaveLength(4);
    expect(parseContent(Buffer.from(`\uFEFF${fixture('trivy.json')}`), { now: NOW }).format).toBe('trivy');
    expect(parseContent(fixture('nuclei.jsonl').replace(/\n/g, '\r\n'), { now: NOW }).findings).toHaveLength(
      2,
    );
    expect(
      parseContent(`\uFEFF${fixture('testssl.csv').replace(/\n/g, '\r\n')}`, { now: NOW }).findings,
    ).toHaveLength(3);
  });

  it('refuses a SARIF log without a version', () => {
    const e = failure(() =>
      parseContent('{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "runs": []}', { now: NOW }),
    );
    expect(e.code).toBe('import.unsupported');
  });
});

describe('registry: progress and mapping of a file', () => {
  it('reports bytes and findings from the start to the end of the file, for streamed and whole-file formats', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mica-progress-'));
    for (const name of ['sarif.sarif', 'nmap.xml', 'trivy.json']) {
      const path = join(dir, name);
      writeFileSync(path, fixture(name));
      const seen: { bytesRead: number; totalBytes: number; findings: number }[] = [];
      const result = await importFile(path, { now: NOW, onProgress: (p) => seen.push(p) });
      const size = Buffer.byteLength(fixture(name));
      expect(seen[0], name).toEqual({ bytesRead: 0, totalBytes: size, findings: 0 });
      expect(seen.at(-1), name).toEqual({
        bytesRead: size,
        totalBytes: size,
        findings: result.findings.length,
      });
      expect(
        seen.map((p) => p.bytesRead),
        name,
      ).toEqual(seen.map((p) => p.bytesRead).sort((a, b) => a - b));
    }
  });

  it('fills requirements exactly as applyMapping does, sharing one list between equal inputs', async () => {
    const rules = await loadMappingRules();
    const dir = mkdtempSync(join(tmpdir(), 'mica-mapping-'));
    for (const name of readdirSync(FIXTURES)) {
      const path = join(dir, name);
      writeFileSync(path, fixture(name));
      const mapped = await importFile(path, { now: NOW, mappingRules: rules });
      const plain = await importFile(path, { now: NOW });
      expect(mapped.findings, name).toEqual(applyMapping(plain.findings, rules));
    }
    const path = join(dir, 'many.sarif');
    const results = Array.from({ length: 50 }, (_, i) => ({
      ruleId: 'js/sql-injection',
      message: { text: 'tainted' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'a.js' }, region: { startLine: i + 1 } } }],
    }));
    writeFileSync(
      path,
      JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'X' } }, results }] }),
    );
    const lists = new Set(
      (await importFile(path, { now: NOW, mappingRules: rules })).findings.map((f) => f.requirements),
    );
    expect(lists.size).toBe(1);
  });
});
