import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readFileSync } from 'node:fs';
import { NOW, fixture } from '../../test/helpers.ts';
import { parseContent } from '../registry.ts';
import {
  DEFAULT_MAPPING_PATH,
  loadMappingRules,
  parseMappingTable,
  validateMappingTargets,
} from './rules.ts';
import { requirementsFor } from './match.ts';

const shipped = await loadMappingRules();

function codeAndMessage(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return `${(e as { code?: string }).code ?? ''} ${(e as Error).message}`;
  }
}

describe('mapping rules: the shipped table', () => {
  it('loads and validates', () => {
    expect(shipped.length).toBeGreaterThan(20);
    const ids = shipped.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('only targets URNs of the catalogue convention', () => {
    const urns = shipped.flatMap((r) => r.requirements);
    for (const u of urns)
      expect(u).toMatch(
        /^urn:mica-audit:(passi:[a-z-]+(:[a-z-]+)?|dora:art-\d+:\d+(:[a-z])?|mica:art-\d+:\d+(:[a-z-]+)?)$/,
      );
  });

  it('reports the URNs a catalogue does not know', () => {
    const known = new Set(
      shipped.flatMap((r) => r.requirements).filter((u) => !u.startsWith('urn:mica-audit:mica:')),
    );
    expect(validateMappingTargets(shipped, known)).toEqual([
      'urn:mica-audit:mica:art-68:7:continuity',
      'urn:mica-audit:mica:art-68:8:data-security',
      'urn:mica-audit:mica:art-75:3:policy',
    ]);
    expect(validateMappingTargets(shipped, new Set(shipped.flatMap((r) => r.requirements)))).toEqual([]);
  });
});

describe('mapping rules: validation errors name the rule and field', () => {
  const doc = parseYaml(readFileSync(DEFAULT_MAPPING_PATH, 'utf8')) as { rules: Record<string, unknown>[] };
  const broken = (mutate: (rules: Record<string, unknown>[]) => void): unknown => {
    const copy = structuredClone(doc);
    mutate(copy.rules);
    return copy;
  };

  it('bad CWE id', () => {
    const d = broken((rules) => Object.assign(rules[3] ?? {}, { match: { cwe: ['CWE-79'] } }));
    expect(codeAndMessage(() => parseMappingTable(d))).toMatch(
      /^import\.mapping_invalid .*rules\[3\]\.match\.cwe/,
    );
  });

  it('bad URN, unknown criterion, empty match, unknown group, bad pattern', () => {
    expect(
      codeAndMessage(() =>
        parseMappingTable(broken((r) => Object.assign(r[0] ?? {}, { requirements: ['DORA 9.2'] }))),
      ),
    ).toMatch(/rules\[0\]\.requirements\[0\]/);
    expect(
      codeAndMessage(() =>
        parseMappingTable(broken((r) => Object.assign(r[1] ?? {}, { match: { colour: 'red' } }))),
      ),
    ).toMatch(/rules\[1\]\.match/);
    expect(
      codeAndMessage(() => parseMappingTable(broken((r) => Object.assign(r[2] ?? {}, { match: {} })))),
    ).toMatch(/rules\[2\]\.match: a rule needs at least one criterion/);
    expect(
      codeAndMessage(() =>
        parseMappingTable(broken((r) => Object.assign(r[4] ?? {}, { match: { cweGroup: 'nope' } }))),
      ),
    ).toMatch(/rules\[4\]\.match\.cweGroup: unknown group "nope"/);
    expect(
      codeAndMessage(() =>
        parseMappingTable(broken((r) => Object.assign(r[5] ?? {}, { match: { ruleId: '([' } }))),
      ),
    ).toMatch(/rules\[5\]\.match\.ruleId: not a valid regular expression/);
  });
});

describe('mapping rules: matching', () => {
  it('maps imported findings through parseContent', () => {
    const r = parseContent(fixture('sarif.sarif'), { now: NOW, mappingRules: shipped });
    const sqli = r.findings.find((f) => f.ruleId === 'js/sql-injection');
    expect(sqli?.requirements).toEqual([
      'urn:mica-audit:dora:art-9:2',
      'urn:mica-audit:dora:art-9:3:b',
      'urn:mica-audit:mica:art-68:8:data-security',
      'urn:mica-audit:passi:code-review',
      'urn:mica-audit:passi:code-review:injection',
    ]);
  });

  it('requires every criterion of a rule (AND) and any value within one (OR)', () => {
    const rules = parseMappingTable({
      version: 1,
      rules: [
        {
          id: 'both',
          description: 'd',
          match: { tool: ['gitleaks', 'trufflehog'], category: 'secret' },
          requirements: ['urn:mica-audit:dora:art-9:4:d'],
        },
      ],
    });
    const [leak] = parseContent(fixture('gitleaks-v8.json'), { now: NOW }).findings;
    const [vuln] = parseContent(fixture('trivy-legacy.json'), { now: NOW }).findings;
    if (leak === undefined || vuln === undefined) throw new Error('fixtures');
    expect(requirementsFor(leak, rules)).toEqual(['urn:mica-audit:dora:art-9:4:d']);
    expect(requirementsFor(vuln, rules)).toEqual([]);
  });

  it('links smart-contract funds-at-risk findings to MiCA custody', () => {
    const r = parseContent(fixture('slither.json'), { now: NOW, mappingRules: shipped });
    expect(r.findings.find((f) => f.ruleId === 'reentrancy-eth')?.requirements).toEqual(
      expect.arrayContaining([
        'urn:mica-audit:mica:art-75:3:policy',
        'urn:mica-audit:passi:smart-contract:reentrancy',
      ]),
    );
  });
});
