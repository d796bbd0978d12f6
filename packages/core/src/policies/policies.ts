import { DomainError } from '../errors.ts';

/** The roles a user holds in one organisation (PRODUCT.md, "Who uses it"). */
export const ROLES = ['admin', 'lead-auditor', 'auditor', 'contributor', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/** Everything a user can attempt. A typo here is a type error, never a silent allow or deny. */
export const ACTIONS = [
  'organisation.read',
  'organisation.update',
  'member.read',
  'member.manage',
  'entity.read',
  'entity.create',
  'entity.update',
  'engagement.read',
  'engagement.create',
  'engagement.update',
  'scoping.run',
  'assessment.read',
  'assessment.update',
  'evidence.read',
  'evidence.upload',
  'evidence.link',
  'comment.read',
  'comment.create',
  'audit-log.read',
  'report.read',
  'report.issue',
  'job.read',
  'risk.manage',
  'incident.manage',
  'action-plan.generate',
  'action.update',
  'finding.read',
  'finding.import',
  'finding.update',
  'asset.read',
  'asset.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who is asking: a signed-in user and the organisations they belong to. */
export interface Actor {
  readonly userId: string;
  readonly memberships: readonly { readonly organisationId: string; readonly role: Role }[];
}

/**
 * What is being acted on: every resource is owned by exactly one organisation (the tenant). A resource that belongs
 * to an engagement also carries that engagement's team, so the reach rule below can apply.
 */
export interface Resource {
  readonly organisationId: string;
  /** The user ids staffed on the resource's engagement; absent for organisation-level resources. */
  readonly team?: readonly string[] | undefined;
}

export type Reach = 'organisation' | 'team';

/**
 * How far each role sees into the organisation's engagements. Administrators and lead auditors run the whole
 * portfolio; auditors, client contributors and reviewers are staffed per engagement and see only the engagements
 * whose team lists them. An engagement outside the actor's reach does not exist for them (not found, never
 * forbidden), exactly like a resource of another organisation.
 */
export const ENGAGEMENT_REACH: Readonly<Record<Role, Reach>> = {
  admin: 'organisation',
  'lead-auditor': 'organisation',
  auditor: 'team',
  contributor: 'team',
  reviewer: 'team',
};

/**
 * Which engagements of one organisation the actor sees, as data the server turns into the WHERE clause of every
 * engagement query: none (not a member), all of them, or those whose team lists `userId`.
 */
export type EngagementVisibility =
  { readonly kind: 'none' } | { readonly kind: 'all' } | { readonly kind: 'team'; readonly userId: string };

const READ: readonly Action[] = [
  'organisation.read',
  'member.read',
  'entity.read',
  'engagement.read',
  'assessment.read',
  'evidence.read',
  'comment.read',
  'report.read',
  'job.read',
  'finding.read',
  'asset.read',
];

/** The policy table: which role may do what. Reviewers read; contributors answer; auditors assess; leads run. */
export const POLICY: Readonly<Record<Role, readonly Action[]>> = {
  admin: ACTIONS,
  'lead-auditor': [
    ...READ,
    'entity.create',
    'entity.update',
    'engagement.create',
    'engagement.update',
    'scoping.run',
    'assessment.update',
    'evidence.upload',
    'evidence.link',
    'comment.create',
    'audit-log.read',
    'report.issue',
    'finding.import',
    'finding.update',
    'asset.manage',
    'risk.manage',
    'incident.manage',
    'action-plan.generate',
    'action.update',
  ],
  auditor: [
    ...READ,
    'scoping.run',
    'assessment.update',
    'evidence.upload',
    'evidence.link',
    'comment.create',
    'finding.import',
    'finding.update',
    'asset.manage',
    'risk.manage',
    'incident.manage',
    'action-plan.generate',
    'action.update',
  ],
  contributor: [
    ...READ,
    'evidence.upload',
    'evidence.link',
    'comment.create',
    // Client teams own their remediation actions and record the ICT incidents they handle.
    'incident.manage',
    'action.update',
  ],
  reviewer: [...READ, 'audit-log.read'],
};

const ALLOWED: ReadonlyMap<Role, ReadonlySet<Action>> = new Map(
  ROLES.map((role) => [role, new Set(POLICY[role])]),
);

/** The actor's role in the resource's organisation, or undefined when they are not a member. */
export function roleIn(actor: Actor, organisationId: string): Role | undefined {
  return actor.memberships.find((m) => m.organisationId === organisationId)?.role;
}

/** The engagements of the organisation the actor may see (the reach rule); the server filters its queries with it. */
export function engagementVisibility(actor: Actor, organisationId: string): EngagementVisibility {
  const role = roleIn(actor, organisationId);
  if (role === undefined) return { kind: 'none' };
  return ENGAGEMENT_REACH[role] === 'organisation' ? { kind: 'all' } : { kind: 'team', userId: actor.userId };
}

/** True when the actor sees the engagement-scoped resource (always true for organisation-level resources). */
export function withinReach(actor: Actor, resource: Resource): boolean {
  const visibility = engagementVisibility(actor, resource.organisationId);
  if (visibility.kind === 'none') return false;
  return visibility.kind === 'all' || resource.team === undefined || resource.team.includes(actor.userId);
}

// The actor's role for this resource: undefined when they are not a member or the resource is out of their reach.
function roleFor(actor: Actor, resource: Resource): Role | undefined {
  return withinReach(actor, resource) ? roleIn(actor, resource.organisationId) : undefined;
}

/** Every action the actor may take on the resource, in table order: sent with responses so the UI hides the rest. */
export function permissions(actor: Actor, resource: Resource): Action[] {
  const role = roleFor(actor, resource);
  if (role === undefined) return [];
  const allowed = ALLOWED.get(role);
  return ACTIONS.filter((action) => allowed?.has(action) === true);
}

/** True when the actor may take the action on the resource. */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  const role = roleFor(actor, resource);
  return role !== undefined && ALLOWED.get(role)?.has(action) === true;
}

/**
 * Throws unless the actor may take the action. A non-member, and a member for whom the resource's engagement is out
 * of reach, get `not_found` (the resource's existence is not revealed); a member without the right gets `forbidden`.
 */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  const role = roleFor(actor, resource);
  if (role === undefined)
    throw new DomainError('policy.not_found', 'not found: check the identifier and your organisation', {
      kind: 'not_found',
    });
  if (ALLOWED.get(role)?.has(action) !== true)
    throw new DomainError(
      'policy.forbidden',
      `your role (${role}) may not ${action}; ask an administrator of the organisation for a role that may`,
      { kind: 'forbidden', details: { action, role } },
    );
}
