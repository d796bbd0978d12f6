import { z } from 'zod';
import { listRegister, REGISTERS } from '../../commands/registers.ts';
import { route, type AnyRoute } from '../route.ts';
import { engagementParams, page } from './common.ts';

/** Read-only listings of the engagement's assets, findings, risks, actions and incidents. */
export function engagementRegisterRoutes(): AnyRoute[] {
  return REGISTERS.map((register) =>
    route({
      method: 'GET',
      url: `/api/organisations/:organisationId/engagements/:engagementId/${register}`,
      summary: `The engagement's ${register}, paginated`,
      tag: register,
      params: engagementParams,
      query: z.strictObject(page),
      handler: ({ actor, params, query }, { db }) =>
        listRegister({ actor, input: { ...params, ...query, register }, tx: db }),
    }),
  );
}
