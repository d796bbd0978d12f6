import type { ScopeResult } from '@mica-audit/core';
import { describe, expect, it } from 'vitest';
import { planRescope, type AssessmentRowLite } from './rescope-plan.ts';

const NBSP = '\u00a0';

const EMPTY_SCOPE: ScopeResult = {
  profile: { name: 'A', memberState: 'FR', legalStatus: 'casp', services: [], issuance: [], facts: {} },
  catalogue: [],
  requirements: [],
  warnings: [],
};

const ROW: AssessmentRowLite = {
  id: 'a1',
  requirement_urn: 'urn:mica-audit:mica:art-99:1',
  status: 'compliant',
  maturity: 3,
  observation: 'Seen',
  interview_notes: '',
  out_of_scope: null,
};

describe('planRescope', () => {
  it('removes an assessment whose requirement left the catalogue, saying so in both languages', () => {
    const plan = planRescope(EMPTY_SCOPE, [ROW]);
    expect(plan.removed).toHaveLength(1);
    expect(plan.removed[0]?.requirement).toBeUndefined();
    const [reason] = plan.removed[0]?.reasons ?? [];
    expect(reason?.en).toMatch(/^no longer in the catalogue this server runs: the requirement/);
    // French typography: a no-break space before the colon, never a plain one.
    expect(reason?.fr).toMatch(
      new RegExp(`^ne figure plus dans le catalogue de ce serveur${NBSP}: l'exigence`),
    );
    expect(reason?.fr).not.toMatch(/ [:;?!]/);
  });

  it('leaves out-of-scope assessments alone', () => {
    const plan = planRescope(EMPTY_SCOPE, [
      { ...ROW, out_of_scope: { since: '2026-01-01T00:00:00Z', by: 'u1', profileVersion: 1, reasons: [] } },
    ]);
    expect(plan).toEqual({ added: [], restored: [], removed: [], unchanged: 0 });
  });
});
