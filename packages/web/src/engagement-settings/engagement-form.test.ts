import { describe, expect, it } from 'vitest';
import type { Engagement } from '../api/types.ts';
import { draftOf, draftProblem, patchOf, toggleMember } from './engagement-form.ts';

const engagement = {
  id: 'e1',
  organisationId: 'o1',
  entityId: 'n1',
  name: 'MiCA audit 2026',
  phase: 'assessment',
  startDate: '2026-11-02',
  endDate: null,
  team: ['u-lead', 'u-auditor'],
  version: 4,
} as unknown as Engagement;

describe('engagement settings form', () => {
  it('starts from the engagement, dates as the inputs hold them', () => {
    expect(draftOf(engagement)).toEqual({
      name: 'MiCA audit 2026',
      phase: 'assessment',
      startDate: '2026-11-02',
      endDate: '',
      team: ['u-lead', 'u-auditor'],
    });
    expect(draftOf({ ...engagement, phase: 'unheard-of' }).phase).toBe('scoping');
  });

  it('sends the version and only what changed; nothing when nothing did', () => {
    const draft = draftOf(engagement);
    expect(patchOf(engagement, draft)).toBeUndefined();
    expect(patchOf(engagement, { ...draft, team: ['u-auditor', 'u-lead'] })).toBeUndefined();
    expect(patchOf(engagement, { ...draft, name: ' Renamed ', phase: 'diagnosis' })).toEqual({
      version: 4,
      name: 'Renamed',
      phase: 'diagnosis',
    });
    expect(patchOf(engagement, { ...draft, startDate: '', endDate: '2026-12-18' })).toEqual({
      version: 4,
      startDate: null,
      endDate: '2026-12-18',
    });
    expect(patchOf(engagement, { ...draft, team: ['u-lead'] })).toEqual({ version: 4, team: ['u-lead'] });
  });

  it('names the first problem: an empty name, an end before the start', () => {
    const draft = draftOf(engagement);
    expect(draftProblem(draft)).toBeUndefined();
    expect(draftProblem({ ...draft, name: '  ' })).toEqual({ field: 'name', key: 'team.nameRequired' });
    expect(draftProblem({ ...draft, endDate: '2026-11-01' })).toEqual({
      field: 'endDate',
      key: 'team.endBeforeStart',
    });
    expect(draftProblem({ ...draft, endDate: '2026-11-02' })).toBeUndefined();
  });

  it('toggles a member in or out of the team', () => {
    expect(toggleMember(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggleMember(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggleMember(['a', 'b'], 'a', true)).toEqual(['a', 'b']);
  });
});
