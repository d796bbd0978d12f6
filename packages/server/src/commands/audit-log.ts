import { authorize } from '@mica-audit/core';
import type { InOrganisation, QueryProps } from './context.ts';
import { auditEntryVisible } from './engagement-access.ts';

/** One page of the organisation's audit trail, newest first (a team-bound actor sees their engagements' part). */
export async function listAuditLog({
  actor,
  input,
  tx,
}: QueryProps<
  InOrganisation & {
    readonly page: number;
    readonly pageSize: number;
    readonly entityId?: string | undefined;
  }
>) {
  authorize(actor, 'audit-log.read', input);
  let query = tx
    .selectFrom('audit_log')
    .where('organisation_id', '=', input.organisationId)
    .where(auditEntryVisible(tx, actor, input.organisationId));
  if (input.entityId !== undefined) query = query.where('entity_id', '=', input.entityId);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      hash: r.hash,
    })),
    page: input.page,
    pageSize: input.pageSize,
    total: Number(total.n),
  };
}
