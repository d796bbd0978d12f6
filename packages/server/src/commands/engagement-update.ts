import { DomainError, authorize, permissions } from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { json } from '../db/json.ts';
import type { CommandProps } from './context.ts';
import {
  engagementView,
  loadEngagement,
  type EngagementInput,
  type EngagementView,
  type Phase,
} from './engagements.ts';

export interface EngagementChange {
  /** The version the client edited; a different current version is a conflict. */
  readonly version: number;
  readonly name?: string | undefined;
  readonly phase?: Phase | undefined;
  readonly startDate?: string | null | undefined;
  readonly endDate?: string | null | undefined;
  readonly team?: readonly string[] | undefined;
}

/** Changes an engagement's name, phase, dates or team if nobody changed it since `version`; 409 otherwise. */
export async function updateEngagement({
  actor,
  input,
  tx,
}: CommandProps<EngagementInput & { readonly change: EngagementChange }>): Promise<EngagementView> {
  authorize(actor, 'engagement.update', input);
  const before = await loadEngagement(tx, actor, input);
  const perms = permissions(actor, input);
  if (before.version !== input.change.version)
    throw new DomainError(
      'engagement.version_conflict',
      `engagement ${before.id} was changed by someone else (version ${before.version}, you edited ${input.change.version}): reload it and save again`,
      { kind: 'conflict', details: { current: engagementView(before, perms) } },
    );
  const { change } = input;
  if (change.team !== undefined && change.team.length > 0) {
    const members = await tx
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', input.organisationId)
      .where('user_id', 'in', [...change.team])
      .execute();
    const known = new Set(members.map((m) => m.user_id));
    const stranger = change.team.find((userId) => !known.has(userId));
    if (stranger !== undefined)
      throw new DomainError(
        'engagement.team_not_member',
        `team: ${stranger} is not a member of this organisation`,
        {
          path: 'team',
        },
      );
  }
  const after = await tx
    .updateTable('engagements')
    .set({
      name: change.name ?? before.name,
      phase: change.phase ?? before.phase,
      start_date: change.startDate === undefined ? before.start_date : change.startDate,
      end_date: change.endDate === undefined ? before.end_date : change.endDate,
      team: json(change.team ?? before.team),
      version: before.version + 1,
      updated_at: new Date(),
    })
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = engagementView(after, perms);
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'engagement.update',
    entityType: 'engagement',
    entityId: before.id,
    before: { ...engagementView(before, perms), permissions: undefined },
    after: { ...view, permissions: undefined },
  });
  return view;
}
