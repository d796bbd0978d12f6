import { describe, expect, it } from 'vitest';
import { newFinding } from './build.ts';
import type { Finding } from './finding.ts';
import { dedupe } from './merge.ts';

const ctx = { tool: 'T', now: '2026-01-01T00:00:00.000Z' };
const at = (rule: string, line: number, severity: Finding['severity'] = 'low', cwe: number[] = []) =>
  newFinding(
    {
      ruleId: rule,
      title: rule,
      severity,
      cwe,
      auditType: 'code-review',
      location: { kind: 'file', file: 'a', line },
    },
    ctx,
  );

describe('dedupe', () => {
  it('merges findings with one fingerprint into the first, keeping the order of first appearance', () => {
    const findings = [
      at('a', 1),
      at('b', 1),
      at('a', 1, 'high', [79]),
      at('c', 2),
      at('a', 1, 'medium', [89]),
    ];
    const out = dedupe(findings);
    expect(out.map((f) => f.ruleId)).toEqual(['a', 'b', 'c']);
    expect(out[0]).toMatchObject({ severity: 'high', cwe: [79, 89], occurrences: 3 });
    expect(out[1]).toBe(findings[1]);
  });

  it('agrees with a Map-based reference on many findings, duplicates and table collisions included', () => {
    const findings = Array.from({ length: 20_000 }, (_, i) => at(`r${i % 5}`, i % 3_000));
    const reference = new Map<string, number>();
    for (const f of findings) reference.set(f.fingerprint, (reference.get(f.fingerprint) ?? 0) + 1);
    const out = dedupe(findings);
    expect(out).toHaveLength(3_000);
    expect(out.map((f) => f.fingerprint)).toEqual([...reference.keys()]);
    expect(out.map((f) => f.occurrences)).toEqual([...reference.values()]);
    expect(dedupe([])).toEqual([]);
  });
});
