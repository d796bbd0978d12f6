import { describe, expect, it } from 'vitest';
import { fieldOf, parseFieldError } from './field-errors.ts';
import { draftOf, emptyDraft, riskBody, riskFields } from './risk-form.ts';
import type { RiskView } from './types.ts';

const now = new Date('2026-11-23T10:00:00Z');

describe('risk form', () => {
  it('starts in the middle of the matrix with a review in six months', () => {
    const draft = emptyDraft(now, { likelihood: 5, impact: 5 });
    expect(draft).toMatchObject({
      likelihood: '3',
      impact: '3',
      treatment: 'reduce',
      nextReviewAt: '2027-05-22',
    });
    expect(riskBody(draft)).toMatchObject({
      residual: null,
      controlEffectiveness: null,
      acceptance: null,
      ownerId: null,
    });
  });

  it('sends the sign-off only for an accepted risk', () => {
    const draft = {
      ...emptyDraft(now, { likelihood: 5, impact: 5 }),
      title: 'Key loss',
      assetIds: ['a1'],
      threat: 'Insider',
      acceptanceBy: 'CRO',
      acceptanceRationale: 'Insured',
    };
    expect(riskBody(draft).acceptance).toBe(null);
    expect(riskBody({ ...draft, treatment: 'accept' }).acceptance).toEqual({
      by: 'CRO',
      at: '2026-11-23',
      rationale: 'Insured',
    });
  });

  it('converts numbers, and passes text that is not one on for the server to name', () => {
    const draft = {
      ...emptyDraft(now, { likelihood: 5, impact: 5 }),
      residualLikelihood: '2',
      residualImpact: '4',
      controlEffectiveness: 'lots',
    };
    const body = riskBody(draft);
    expect(body.residual).toEqual({ likelihood: 2, impact: 4 });
    expect(body.controlEffectiveness).toBe('lots');
    expect(riskBody({ ...draft, controlEffectiveness: '40' }).controlEffectiveness).toBe(40);
  });

  it('round-trips a stored risk', () => {
    const stored = {
      id: 'r1',
      title: 'Key loss',
      assetIds: ['a1'],
      threat: 'Insider collusion',
      vulnerabilities: [
        { id: 'v1', description: 'No quorum', findingIds: ['f1'], failedRequirementUrns: [] },
      ],
      likelihood: 2,
      impact: 5,
      residual: { likelihood: 1, impact: 5 },
      controlEffectiveness: null,
      treatment: 'accept',
      acceptance: { by: 'CRO', at: '2026-11-01T00:00:00.000Z', rationale: 'Insured' },
      ownerId: 'u1',
      nextReviewAt: '2027-01-31T00:00:00.000Z',
      version: 3,
    } as unknown as RiskView;
    const draft = draftOf(stored);
    expect(draft.acceptanceAt).toBe('2026-11-01');
    expect(riskBody(draft)).toEqual({
      title: 'Key loss',
      assetIds: ['a1'],
      threat: 'Insider collusion',
      vulnerabilities: [
        { id: 'v1', description: 'No quorum', findingIds: ['f1'], failedRequirementUrns: [] },
      ],
      likelihood: 2,
      impact: 5,
      residual: { likelihood: 1, impact: 5 },
      controlEffectiveness: null,
      treatment: 'accept',
      acceptance: { by: 'CRO', at: '2026-11-01', rationale: 'Insured' },
      ownerId: 'u1',
      nextReviewAt: '2027-01-31',
    });
  });

  it('places the server errors next to the inputs', () => {
    const draft = {
      ...emptyDraft(now, { likelihood: 5, impact: 5 }),
      vulnerabilities: [{ key: 'k', description: '', findingIds: ['x'], failedRequirementUrns: [] }],
    };
    const fields = riskFields(draft);
    const place = (message: string) => {
      const error = parseFieldError(message);
      return error === undefined ? undefined : fieldOf(error, fields);
    };
    expect(place('acceptance.by: required: who signed the acceptance')).toBe('acceptance.by');
    expect(place('acceptance: risk r is accepted without a sign-off; record who, when and why')).toBe(
      'acceptance',
    );
    expect(place('vulnerabilities[0].findingIds[0]: finding x is not in this engagement')).toBe(
      'vulnerabilities[0].findingIds',
    );
    expect(place('residual: risk r: the residual rating exceeds the inherent one')).toBe('residual');
    expect(place('assetIds: name at least one asset the risk bears on')).toBe('assetIds');
  });
});
