import {
  FACTS,
  parseProfile,
  type IssuanceRole,
  type LegalStatus,
  type Profile,
  type ServiceKey,
} from '@mica-audit/core';

export type FactKey = keyof typeof FACTS;
export const FACT_KEYS = Object.keys(FACTS) as FactKey[];

/** The wizard's editable profile: facts as entered (empty string = not stated). */
export interface ProfileDraft {
  readonly name: string;
  readonly memberState: string;
  readonly legalStatus: LegalStatus;
  readonly services: readonly ServiceKey[];
  readonly issuance: readonly IssuanceRole[];
  readonly facts: Readonly<Partial<Record<FactKey, string>>>;
}

export const EMPTY_DRAFT: ProfileDraft = {
  name: '',
  memberState: 'FR',
  legalStatus: 'casp',
  services: [],
  issuance: [],
  facts: {},
};

/** The profile the server and core expect: stated facts only, numbers as numbers, booleans as booleans. */
export function toProfileInput(draft: ProfileDraft): Record<string, unknown> {
  const facts: Record<string, number | boolean> = {};
  for (const key of FACT_KEYS) {
    const raw = draft.facts[key];
    if (raw === undefined || raw.trim() === '') continue;
    if (FACTS[key].type === 'boolean') facts[key] = raw === 'true';
    else {
      const n = Number(raw);
      if (Number.isFinite(n)) facts[key] = n;
    }
  }
  return {
    name: draft.name.trim(),
    memberState: draft.memberState,
    legalStatus: draft.legalStatus,
    services: [...draft.services],
    issuance: [...draft.issuance],
    facts,
  };
}

/** The draft from a stored profile (an existing entity's). */
export function fromProfile(profile: Profile): ProfileDraft {
  const facts: Partial<Record<FactKey, string>> = {};
  for (const [key, value] of Object.entries(profile.facts))
    if (key in FACTS && value !== undefined) facts[key as FactKey] = String(value);
  return {
    name: profile.name,
    memberState: profile.memberState,
    legalStatus: profile.legalStatus,
    services: [...profile.services],
    issuance: [...profile.issuance],
    facts,
  };
}

/** Core's validated profile, or the first problem as `path: message`. */
export function validateDraft(
  draft: ProfileDraft,
): { ok: true; profile: Profile } | { ok: false; message: string } {
  try {
    return { ok: true, profile: parseProfile(toProfileInput(draft)) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
