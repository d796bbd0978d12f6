import { z } from 'zod';
import { getJob } from '../../jobs/queue.ts';
import { route, type AnyRoute } from '../route.ts';
import { orgParams } from './common.ts';

/** Long work (report rendering, imports) runs as jobs; clients poll their status here. */
export function jobRoutes(): AnyRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/jobs/:jobId',
      summary: 'A job: status (queued, running, done, failed), progress 0-100, result and error',
      tag: 'jobs',
      params: orgParams.extend({ jobId: z.string().min(1) }),
      handler: ({ actor, params }, { db }) => getJob({ actor, input: params, tx: db }),
    }),
  ];
}
