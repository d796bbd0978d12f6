import { describe, expect, it } from 'vitest';
import { isDomainError } from '@mica-audit/core';
import { AUDIT_TYPES, EVIDENCE_MAX, FINDING_STATUSES, SEVERITIES } from '../finding.ts';
import type { Finding } from '../finding.ts';
import type { Format } from '../format.ts';
import { detectFormat, parseContent } from '../registry.ts';
import { LATER, NOW, fixture } from '../../test/helpers.ts';

function checkFinding(f: Finding, now: string): void {
  expect(f.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  expect(f.tool.length).toBeGreaterThan(0);
  expect(f.ruleId.length).toBeGreaterThan(0);
  expect(f.title.length).toBeGreaterThan(0);
  expect(typeof f.description).toBe('string');
  expect(SEVERITIES).toContain(f.severity);
  expect(AUDIT_TYPES).toContain(f.auditType);
  expect(FINDING_STATUSES).toContain(f.status);
  expect(f.asset.length).toBeGreaterThan(0);
  expect(f.location.kind).toBeDefined();
  for (const c of f.cwe) expect(Number.isInteger(c) && c > 0).toBe(true);
  for (const c of f.cve) expect(c).toMatch(/^CVE-\d{4}-\d{4,}$/);
  for (const r of f.references) expect(r).toMatch(/^https?:\/\//);
  if (f.evidence !== undefined) expect(f.evidence.length).toBeLessThanOrEqual(EVIDENCE_MAX);
  if (f.cvss !== undefined) expect(['3.1', '4.0', '3.0', '2.0']).toContain(f.cvss.version);
  expect(f.firstSeen).toBe(now);
  expect(f.lastSeen).toBe(now);
  expect(f.statusHistory.at(-1)?.status).toBe(f.status);
  expect(f.occurrences).toBeGreaterThanOrEqual(1);
}

/**
 * The contract every importer passes (run from each format's own test file with its fixtures): detection from
 * content, a complete normalised finding, fingerprints stable across parses and unique within a file, and all
 * or nothing on broken input.
 */
export function describeContract(format: Format, fixtures: readonly string[]): void {
  describe(`${format.name}: importer contract`, () => {
    for (const name of fixtures) {
      const content = fixture(name);

      it(`detects ${name} from its content`, () => {
        expect(format.detect(content.slice(0, 64 * 1024))).toBe(true);
        expect(detectFormat(content).name).toBe(format.name);
        expect(detectFormat(Buffer.from(content)).name).toBe(format.name);
      });

      it(`parses ${name} into complete findings`, () => {
        const result = parseContent(content, { now: NOW });
        expect(result.format).toBe(format.name);
        expect(result.errors).toEqual([]);
        expect(result.findings.length).toBeGreaterThan(0);
        for (const f of result.findings) checkFinding(f, NOW);
        for (const a of result.assets) expect(a.key.length).toBeGreaterThan(0);
      });

      it(`gives ${name} stable and unique fingerprints`, () => {
        const first = parseContent(content, { now: NOW }).findings.map((f) => f.fingerprint);
        const second = parseContent(content, { now: LATER }).findings.map((f) => f.fingerprint);
        expect(second).toEqual(first);
        expect(new Set(first).size).toBe(first.length);
      });

      it(`rejects a truncated ${name} as a whole`, () => {
        const cut = content.slice(0, Math.floor(content.length * 0.6));
        let error: unknown;
        try {
          parseContent(cut, { format: format.name, now: NOW });
        } catch (e) {
          error = e;
        }
        // A cut CSV can still be a valid shorter CSV; every other format must refuse it.
        if (!format.name.endsWith('csv')) {
          expect(isDomainError(error)).toBe(true);
          expect((error as { code?: string }).code).toMatch(/^import\./);
        }
      });
    }
  });
}
