import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '@mica-audit/core';
import { readFileSync } from 'node:fs';
import { NOW, fixture, hasSamples, sampleDir, sampleFiles } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { sarif } from './index.ts';
import { parseSarif, parseSarifFile } from './parse.ts';
import { SarifSplitter } from './splitter.ts';
import type { SplitHandlers } from './splitter.ts';

describeContract(sarif, ['sarif.sarif']);

describe('sarif: normalisation', () => {
  const r = parseContent(fixture('sarif.sarif'), { now: NOW });
  const byRule = (id: string) => findingOf(r, (f) => f.ruleId === id);

  it('fills messageStrings with arguments and finds rules in tool.extensions', () => {
    const f = byRule('js/hardcoded-credential');
    expect(f.title).toBe('Hard-coded credential');
    expect(f.description).toContain('Hard-coded password in config.js.');
    expect(f.severity).toBe('medium'); // rule defaultConfiguration.level warning
    expect(f.cwe).toEqual([798]);
    expect(f.location).toEqual({ kind: 'file', file: 'src/config.js', line: 12, column: 5 });
  });

  it('maps security-severity, resolves artifact indexes, merges duplicates and reads suppressions', () => {
    const f = byRule('js/sql-injection');
    expect(f.severity).toBe('high');
    expect(f.rawSeverity).toBe('8.8');
    expect(f.cwe).toEqual([89]);
    expect(f.location).toMatchObject({ file: 'src/db/query.js', line: 40 });
    expect(f.occurrences).toBe(2);
    expect(f.status).toBe('false-positive');
    expect(f.asset).toBe('https://github.com/example/wallet');
    expect(r.assets).toContainEqual(
      expect.objectContaining({ kind: 'repository', key: 'https://github.com/example/wallet' }),
    );
  });

  it('takes the rule from the message when ruleId is missing (gitleaks 7) and redacts the secret', () => {
    const f = byRule('AWS Access Key secret detected');
    expect(f.categories).toContain('secret');
    expect(f.evidence).toBe('AKIA************');
    expect(f.location).toMatchObject({ commit: 'abc123' });
  });

  it('skips pass results, keeps results without location, reads several runs', () => {
    expect(r.findings.some((f) => f.ruleId === 'js/unused')).toBe(false);
    expect(byRule('R1').location).toEqual({ kind: 'none' });
    expect(byRule('R1').tool).toBe('SecondTool');
    expect(r.tool).toBe('ExampleScanner, SecondTool');
    expect(r.findings).toHaveLength(4);
  });

  it('keeps the fingerprint when only whitespace in messages changes', () => {
    const spaced = fixture('sarif.sarif').replace(
      '"AWS Access Key secret detected"',
      '"AWS  Access Key\\n secret detected "',
    );
    const a = byRule('AWS Access Key secret detected').fingerprint;
    const b = findingOf(
      parseContent(spaced, { now: NOW }),
      (f) => f.categories.includes('secret') && f.tool === 'ExampleScanner' && f.ruleId.startsWith('AWS'),
    );
    expect(b.fingerprint).toBe(a);
  });
});

describe('sarif: streaming splitter', () => {
  it('gives the same findings whatever the chunk boundaries', () => {
    const text = fixture('sarif.sarif').replace('Hard-coded {0}', 'Hard-coded \\"quoted\\\\\\" {0} é€');
    const whole = parseSarif(text, { now: NOW }).findings;
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 3, 7, 64]) {
      const pieces: string[] = [];
      const h: SplitHandlers = {
        topValue: (k, b) => pieces.push(`top ${k} ${b.toString()}`),
        runStart: (n) => pieces.push(`start ${n}`),
        runValue: (n, k, b) => pieces.push(`run ${n} ${k} ${b.toString()}`),
        results: (n, i, count, b) => {
          const list = JSON.parse(`[${b.toString()}]`) as unknown[];
          expect(list).toHaveLength(count);
          list.forEach((r, k) => pieces.push(`result ${n} ${i + k} ${JSON.stringify(r)}`));
        },
        runEnd: (n) => pieces.push(`end ${n}`),
      };
      const s = new SarifSplitter(h);
      for (let i = 0; i < bytes.length; i += size) s.feed(bytes.subarray(i, i + size));
      s.end();
      expect(pieces.filter((p) => p.startsWith('result'))).toHaveLength(6);
      for (const p of pieces.filter((x) => x.startsWith('result')))
        expect(() => JSON.parse(p.replace(/^result \d+ \d+ /, '')) as unknown).not.toThrow();
    }
    expect(whole.some((f) => f.description.includes('"quoted\\" password'))).toBe(true);
  });

  it('names the JSON path and offset of a broken result', () => {
    const broken = fixture('sarif.sarif').replace('"level": "error",', '"level": "error" "oops",');
    try {
      parseContent(broken, { now: NOW });
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e)).toBe(true);
      expect((e as Error).message).toMatch(/\$\.runs\[0\]\.results\[1\]/);
      expect((e as Error).message).toMatch(/offset \d+/);
    }
  });

  it('refuses a truncated log and an unsupported version', () => {
    expect(() =>
      parseContent('{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"a"}', {
        now: NOW,
      }),
    ).toThrow(/offset/);
    expect(() => parseContent('{"version":"2.0.0","runs":[]}', { format: 'sarif', now: NOW })).toThrow(
      /2\.0\.0/,
    );
  });
});

describe('sarif: splitter property', () => {
  it('cuts the same pieces for any chunking of the input', () => {
    const bytes = Buffer.from(
      fixture('sarif.sarif').replace('Hard-coded {0}', 'Hard-coded \\"{0}\\" \\\\ é'),
    );
    const cut = (sizes: readonly number[]): string[] => {
      const out: string[] = [];
      const h: SplitHandlers = {
        topValue: (k, b) => out.push(`top ${k} ${b.toString()}`),
        runStart: (n) => out.push(`start ${n}`),
        runValue: (n, k, b) => out.push(`run ${n} ${k} ${b.toString()}`),
        results: (n, i, count, b) => {
          (JSON.parse(`[${b.toString()}]`) as unknown[]).forEach((r, k) =>
            out.push(`result ${n} ${i + k} ${JSON.stringify(r)}`),
          );
          expect(count).toBeGreaterThan(0);
        },
        runEnd: (n) => out.push(`end ${n}`),
      };
      const s = new SarifSplitter(h);
      let at = 0;
      for (let k = 0; at < bytes.length; k++) {
        const size = sizes[k % sizes.length] ?? 1;
        s.feed(Buffer.from(bytes.subarray(at, at + size)));
        at += size;
      }
      s.end();
      return out;
    };
    const whole = cut([bytes.length]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        expect(cut(sizes)).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });
});

describe.skipIf(!hasSamples('sarif'))('sarif: streaming from disk in small chunks', () => {
  it('gives the same findings as the in-memory parse for every real sample', async () => {
    for (const name of sampleFiles('sarif')) {
      const path = `${sampleDir('sarif')}${name}`;
      const whole = parseSarif(readFileSync(path, 'utf8'), { now: NOW }).findings.map((f) => f.fingerprint);
      const streamed = (await parseSarifFile(path, { now: NOW }, 4093)).findings.map((f) => f.fingerprint);
      expect(streamed, name).toEqual(whole);
    }
  });
});

describeSamples(
  'sarif',
  'sarif',
  {
    'codeql-2.5.4_defectdojo.sarif': 72,
    'dependency-check-6.1.2.sarif': 13,
    'devskim-1.0.90.sarif': 7,
    'dockle-0.3.15.sarif': 4,
    'edge_no-runs.sarif': 0,
    'edge_suppressions_codescanner.sarif': 5,
    'edge_two-runs-no-results.sarif': 0,
    'flawfinder-2.0.19.sarif': 53,
    'gitleaks-7.4.0.sarif': 8,
    'govulncheck-1.3.0.sarif': 3,
    'grype-0.34.7_cxf-3.4.6.sarif': 22,
    'mobsfscan-0.0.8.sarif': 9,
    'semgrep-0.17.0_owasp-benchmark_LARGE.sarif': 1768,
    'semgrep-oss-1.69.0.sarif': 77,
    'shiftleft-scan_python-security-analysis.sarif': 10,
    'shiftleft-scan_shell-script-analysis.sarif': 12,
  },
  (r) => {
    const codeql = findingOf(r.get('codeql-2.5.4_defectdojo.sarif'), (f) => f.ruleId === 'py/empty-except');
    expect(codeql.severity).toBe('low'); // no level: rule defaultConfiguration "note"
    expect(codeql.cwe).toContain(390);
    const grype = findingOf(r.get('grype-0.34.7_cxf-3.4.6.sarif'), (f) =>
      f.ruleId.startsWith('CVE-2008-0732'),
    );
    expect(grype.severity).toBe('low'); // security-severity 2.1
    expect(grype.cve).toEqual(['CVE-2008-0732']);
    expect(grype.categories).toContain('vulnerable-dependency');
    const gl = r.get('gitleaks-7.4.0.sarif');
    expect(
      gl?.findings.every((f) => f.ruleId.endsWith('secret detected') && f.categories.includes('secret')),
    ).toBe(true);
    const edge = r.get('edge_suppressions_codescanner.sarif');
    expect(edge?.findings.filter((f) => f.status === 'accepted')).toHaveLength(3); // `[]` and null are not suppressed
    expect(r.get('edge_two-runs-no-results.sarif')?.tool).toBe('CodeScanner, OtherScanner');
    const shell = r.get('shiftleft-scan_shell-script-analysis.sarif');
    expect(shell?.findings.reduce((n, f) => n + f.occurrences, 0)).toBe(27); // 27 results, 12 distinct locations
  },
);
