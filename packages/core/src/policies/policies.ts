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

/** What is being acted on: for now, every resource is owned by exactly one organisation (the tenant). */
export interface Resource {
  readonly organisationId: string;
}

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

/** Every action the actor may take on the resource, in table order: sent with responses so the UI hides the rest. */
export function permissions(actor: Actor, resource: Resource): Action[] {
  const role = roleIn(actor, resource.organisationId);
  if (role === undefined) return [];
  const allowed = ALLOWED.get(role);
  return ACTIONS.filter((action) => allowed?.has(action) === true);
}

/** True when the actor may take the action on the resource. */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  const role = roleIn(actor, resource.organisationId);
  return role !== undefined && ALLOWED.get(role)?.has(action) === true;
}

/**
 * Throws unless the actor may take the action. A non-member gets `not_found` (the resource's existence is not
 * revealed across organisations); a member without the right gets `forbidden`.
 */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  const role = roleIn(actor, resource.organisationId);
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
