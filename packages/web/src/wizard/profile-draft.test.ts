import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, fromProfile, toProfileInput, validateDraft } from './profile-draft.ts';

describe('profile draft', () => {
  const draft = {
    ...EMPTY_DRAFT,
    name: ' Garde Numérique SAS ',
    services: ['custody', 'transfer'] as const,
    facts: { fixedOverheadsEUR: '1800000', holdsClientFunds: 'false', activeUsersEU: '' },
  };

  it('keeps stated facts only, typed as the profile format wants', () => {
    expect(toProfileInput({ ...draft, services: [...draft.services] })).toEqual({
      name: 'Garde Numérique SAS',
      memberState: 'FR',
      legalStatus: 'casp',
      services: ['custody', 'transfer'],
      issuance: [],
      facts: { fixedOverheadsEUR: 1_800_000, holdsClientFunds: false },
    });
  });

  it('validates with core and round-trips a stored profile', () => {
    const result = validateDraft({ ...draft, services: [...draft.services] });
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(toProfileInput(fromProfile(result.profile))).toEqual(
        toProfileInput({ ...draft, services: [...draft.services] }),
      );
  });

  it('reports the first problem of an invalid profile', () => {
    const result = validateDraft({ ...EMPTY_DRAFT, name: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/name/);
  });
});
