import { describe, expect, it } from 'vitest';
import type { Finding } from '@mica-audit/importers';
import { findingIds, inFingerprintOrder, RequirementSets } from './imports-rows.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const withFingerprint = (fingerprint: string) => ({ fingerprint }) as Finding;

describe('the rows an import writes', () => {
  it('gives findings UUIDv7 ids that ascend with their position and differ from one file to the next', () => {
    const at = Date.parse('2026-11-22T19:00:00.000Z');
    const first = findingIds(at);
    const ids = [0, 1, 15, 16, 255, 70_000, 300_000].map(first);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect([...ids].sort()).toEqual(ids);
    // The millisecond of the file leads, so a later file's ids sort after an earlier one's.
    expect(ids[0]?.slice(0, 13)).toBe(
      `${at.toString(16).padStart(12, '0').slice(0, 8)}-${at.toString(16).slice(-4)}`,
    );
    expect(findingIds(at)(0)).not.toBe(ids[0]);
    expect(findingIds(at + 1)(0) > (ids.at(-1) ?? '')).toBe(true);
  });

  it('orders findings by fingerprint, keeps every one, and copes with fingerprints that are not hex', () => {
    const hex = Array.from({ length: 2000 }, (_, i) =>
      ((i * 2654435761) % 4294967296).toString(16).padStart(8, '0').repeat(8),
    );
    const findings = [...hex, 'not-hex', 'zz', ''].map(withFingerprint);
    const ordered = inFingerprintOrder(findings);
    expect(new Set(ordered)).toEqual(new Set(findings));
    expect(ordered).toHaveLength(findings.length);
    const orderedHex = ordered.map((f) => f.fingerprint).filter((f) => f.length === 64);
    expect(orderedHex).toEqual([...hex].sort());
    expect(inFingerprintOrder([])).toEqual([]);
  });

  it('numbers each distinct requirement list once, by identity or by content', () => {
    const sets = new RequirementSets();
    const a = ['urn:a', 'urn:b'];
    expect(sets.idOf(a)).toBe(0);
    expect(sets.idOf(['urn:a', 'urn:b'])).toBe(0);
    expect(sets.idOf([])).toBe(1);
    expect(sets.textOf(a)).toBe('["urn:a","urn:b"]');
    expect(sets.rows).toEqual([
      [0, '["urn:a","urn:b"]'],
      [1, '[]'],
    ]);
  });
});
