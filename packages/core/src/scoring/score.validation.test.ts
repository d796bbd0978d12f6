import { describe, expect, it } from 'vitest';
import { computeScores } from './score.ts';
import type { ScoredRequirement } from './scoring.schema.ts';

const req: ScoredRequirement = {
  urn: 'a',
  regulation: 'mica',
  article: '1',
  title: 'I',
  domains: [],
  applicable: true,
};

describe('scoring rejects inconsistent input', () => {
  it('rejects a requirement listed twice', () => {
    expect(() => computeScores({ requirements: [req, req], assessments: [] })).toThrow(
      expect.objectContaining({ code: 'scoring.duplicate_requirement', path: 'requirements[1].urn' }),
    );
  });

  it('rejects an assessment of an unknown requirement', () => {
    expect(() =>
      computeScores({ requirements: [req], assessments: [{ urn: 'b', status: 'compliant' }] }),
    ).toThrow(expect.objectContaining({ code: 'scoring.unknown_requirement' }));
  });

  it('rejects two assessments of one requirement', () => {
    const twice = [
      { urn: 'a', status: 'compliant' as const },
      { urn: 'a', status: 'non-compliant' as const },
    ];
    expect(() => computeScores({ requirements: [req], assessments: twice })).toThrow(
      expect.objectContaining({ code: 'scoring.duplicate_assessment' }),
    );
  });

  it('gives null scores when nothing applies', () => {
    const report = computeScores({ requirements: [], assessments: [] });
    expect(report.overall.score).toBeNull();
    expect(report.overall.coverage).toBeNull();
  });
});
