import { describe, expect, it } from 'vitest';
import type { Assessment, ScopedRequirement } from '../api/types.ts';
import { scoreEngagement } from './scores.ts';

const req = (urn: string, regulation: string, article: string, applicable = true): ScopedRequirement => ({
  urn,
  regulation,
  article,
  paragraph: null,
  point: null,
  ref: `Art. ${article}`,
  title: urn,
  domains: ['governance'],
  applicable,
  reasons: ['r'],
  mapped: [],
});
const a = (urn: string, status: Assessment['status'], maturity: number | null = null): Assessment => ({
  id: urn,
  engagementId: 'e',
  requirementUrn: urn,
  status,
  maturity,
  observation: '',
  interviewNotes: '',
  assessorId: null,
  assigneeId: null,
  version: 1,
  updatedAt: '2026-11-22T00:00:00Z',
});

describe('scoreEngagement', () => {
  it('scores by regulation and title and ignores assessments of unknown requirements', () => {
    const report = scoreEngagement(
      [
        req('m1', 'MiCA', '68'),
        req('m2', 'MiCA', '75'),
        req('d1', 'DORA', '5'),
        req('x', 'MiCA', '4', false),
      ],
      [
        a('m1', 'compliant', 4),
        a('m2', 'partially-compliant', 2),
        a('d1', 'not-assessed'),
        a('gone', 'compliant'),
      ],
    );
    expect(report.overall.score).toBe(75);
    expect(report.overall.coverage).toBe(66.7);
    expect(report.overall.maturity).toBe(3);
    expect(report.byTitle.map((g) => [g.key, g.score])).toEqual([
      ['DORA:II', null],
      ['MiCA:II', null],
      ['MiCA:V', 75],
    ]);
  });
});
