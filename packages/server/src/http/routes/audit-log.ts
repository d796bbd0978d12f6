import { z } from 'zod';
import { listAuditLog } from '../../commands/audit-log.ts';
import { route, type AnyRoute } from '../route.ts';
import { orgParams, page } from './common.ts';

/** The organisation's tamper-evident audit trail. */
export function auditLogRoutes(): AnyRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/audit-log',
      summary: 'Audit trail entries, newest first (who, when, what, before and after, hash)',
      tag: 'audit-log',
      params: orgParams,
      query: z.strictObject({ entityId: z.string().min(1).optional(), ...page }),
      handler: ({ actor, params, query }, { db }) =>
        listAuditLog({ actor, input: { ...params, ...query }, tx: db }),
    }),
  ];
}
