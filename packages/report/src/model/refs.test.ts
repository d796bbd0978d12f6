import { describe, expect, it } from 'vitest';
import { refOf, shortRefs } from './refs.ts';

const UUIDS = [
  '0b6f8f9e-3c1a-4b7e-9d2f-5a1c2e3f4a5b',
  '1c7a9b0f-4d2b-4c8f-8e3a-6b2d3f4a5b6c',
  '2d8bac1a-5e3c-4d9a-9f4b-7c3e4a5b6c7d',
];

describe('short references', () => {
  it('keeps ids that are already short', () => {
    expect([...shortRefs(['F-038', 'F-001', 'CVE-2024-1'], 'F', 3)]).toEqual([
      ['F-038', 'F-038'],
      ['F-001', 'F-001'],
      ['CVE-2024-1', 'CVE-2024-1'],
    ]);
  });

  it('numbers UUIDs in snapshot order', () => {
    expect([...shortRefs(UUIDS, 'F', 3).values()]).toEqual(['F-001', 'F-002', 'F-003']);
    expect([...shortRefs(UUIDS, 'R', 2).values()]).toEqual(['R-01', 'R-02', 'R-03']);
  });

  it('numbers every id as soon as one is long, and widens the number past the padding', () => {
    const ids = ['R-1', ...Array.from({ length: 120 }, (_, i) => `risk-with-a-long-name-${i}`)];
    const refs = shortRefs(ids, 'R', 2);
    expect(refs.get('R-1')).toBe('R-001');
    expect(refs.get('risk-with-a-long-name-119')).toBe('R-121');
  });

  it('falls back to the id for a record it does not know', () => {
    expect(refOf(shortRefs(UUIDS, 'F', 3), 'urn:mica-audit:x')).toBe('urn:mica-audit:x');
  });
});
