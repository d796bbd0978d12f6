import { authorize } from '@mica-audit/core';
import type { QueryProps } from './context.ts';
import { loadEngagement, type EngagementInput } from './engagements.ts';

/** The engagement registers that are readable through the API so far (writing them comes with their own routes). */
// risks and incidents have their own routes (routes/risks.ts, routes/incidents.ts), with core's computed fields.
// assets and findings too (routes/assets.ts, routes/findings.ts), with filters and writes.
export const REGISTERS = ['actions'] as const;
export type Register = (typeof REGISTERS)[number];

function camel(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** API shape of a row: camelCase keys, dates as ISO strings, no organisation id. */
function rowView(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    if (key !== 'organisation_id') out[camel(key)] = value instanceof Date ? value.toISOString() : value;
  return out;
}

/** One page of an engagement register, oldest first. */
export async function listRegister({
  actor,
  input,
  tx,
}: QueryProps<
  EngagementInput & { readonly register: Register; readonly page: number; readonly pageSize: number }
>) {
  authorize(actor, 'engagement.read', input);
  await loadEngagement(tx, actor, input);
  const query = tx
    .selectFrom(input.register)
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = (await query
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute()) as Record<string, unknown>[];
  return { items: rows.map(rowView), page: input.page, pageSize: input.pageSize, total: Number(total.n) };
}
