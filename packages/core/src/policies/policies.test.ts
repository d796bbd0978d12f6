import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import {
  ACTIONS,
  ENGAGEMENT_REACH,
  POLICY,
  ROLES,
  authorize,
  can,
  engagementVisibility,
  permissions,
  withinReach,
  type Action,
  type Actor,
  type Role,
} from './policies.ts';

const org = { organisationId: 'org-a' };
const as = (role: Role): Actor => ({ userId: 'u', memberships: [{ organisationId: 'org-a', role }] });

function kindOf(fn: () => void): string {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    return isDomainError(error) ? error.kind : 'other';
  }
}

describe('policy table', () => {
  it('lets admins do everything', () => {
    expect(permissions(as('admin'), org)).toEqual([...ACTIONS]);
  });

  it('keeps reviewers read-only (plus the audit log)', () => {
    const writes = permissions(as('reviewer'), org).filter((a) => !a.endsWith('.read'));
    expect(writes).toEqual([]);
  });

  it('does not let auditors, contributors or reviewers manage members', () => {
    for (const role of ['auditor', 'contributor', 'reviewer'] as const)
      expect(can(as(role), 'member.manage', org)).toBe(false);
  });

  it('lets contributors upload evidence but not assess', () => {
    expect(can(as('contributor'), 'evidence.upload', org)).toBe(true);
    expect(can(as('contributor'), 'assessment.update', org)).toBe(false);
  });

  it.each([
    ['lead-auditor', 'engagement.create', 'allowed'],
    ['auditor', 'engagement.create', 'forbidden'],
    ['auditor', 'assessment.update', 'allowed'],
    ['reviewer', 'assessment.update', 'forbidden'],
    ['contributor', 'member.manage', 'forbidden'],
  ] as const)('%s → %s is %s', (role, action: Action, expected) => {
    expect(kindOf(() => authorize(as(role), action, org))).toBe(expected);
  });

  it('answers not_found to every role of another organisation, for every action', () => {
    for (const role of ROLES)
      for (const action of ACTIONS)
        expect(kindOf(() => authorize(as(role), action, { organisationId: 'org-b' }))).toBe('not_found');
  });

  it('agrees between can, permissions and authorize for every role and action', () => {
    for (const role of ROLES) {
      const listed = new Set(permissions(as(role), org));
      for (const action of ACTIONS) {
        expect(can(as(role), action, org)).toBe(listed.has(action));
        expect(kindOf(() => authorize(as(role), action, org)) === 'allowed').toBe(listed.has(action));
        expect(POLICY[role].includes(action)).toBe(listed.has(action));
      }
    }
  });
});

describe('engagement reach', () => {
  const staffed = { organisationId: 'org-a', team: ['u'] };
  const elsewhere = { organisationId: 'org-a', team: ['someone-else'] };

  it('lets administrators and lead auditors see every engagement of their organisation', () => {
    for (const role of ['admin', 'lead-auditor'] as const) {
      expect(engagementVisibility(as(role), 'org-a')).toEqual({ kind: 'all' });
      expect(kindOf(() => authorize(as(role), 'engagement.read', elsewhere))).toBe('allowed');
      expect(permissions(as(role), elsewhere)).toEqual(permissions(as(role), org));
    }
  });

  it('limits auditors, contributors and reviewers to the engagements whose team lists them', () => {
    for (const role of ['auditor', 'contributor', 'reviewer'] as const) {
      expect(engagementVisibility(as(role), 'org-a')).toEqual({ kind: 'team', userId: 'u' });
      expect(withinReach(as(role), staffed)).toBe(true);
      expect(withinReach(as(role), elsewhere)).toBe(false);
      expect(permissions(as(role), elsewhere)).toEqual([]);
      expect(permissions(as(role), staffed)).toEqual(permissions(as(role), org));
    }
  });

  it('answers not_found (never forbidden) for every action on an engagement out of reach', () => {
    for (const role of ROLES.filter((r) => ENGAGEMENT_REACH[r] === 'team'))
      for (const action of ACTIONS) {
        expect(kindOf(() => authorize(as(role), action, elsewhere))).toBe('not_found');
        expect(can(as(role), action, elsewhere)).toBe(false);
      }
  });

  it('keeps the role rules inside the team: reviewers stay read-only, contributors cannot assess', () => {
    expect(kindOf(() => authorize(as('reviewer'), 'assessment.update', staffed))).toBe('forbidden');
    expect(kindOf(() => authorize(as('contributor'), 'assessment.update', staffed))).toBe('forbidden');
    expect(kindOf(() => authorize(as('auditor'), 'assessment.update', staffed))).toBe('allowed');
  });

  it('sees nothing of an organisation the actor does not belong to', () => {
    expect(engagementVisibility(as('admin'), 'org-b')).toEqual({ kind: 'none' });
    expect(withinReach(as('admin'), { organisationId: 'org-b', team: ['u'] })).toBe(false);
  });
});
