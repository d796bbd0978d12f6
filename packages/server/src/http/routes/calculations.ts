import { z } from 'zod';
import { compareScores, engagementPrudential, engagementScores } from '../../commands/calculations.ts';
import { route, type AnyRoute } from '../route.ts';
import { engagementParams } from './common.ts';

const base = '/api/organisations/:organisationId/engagements/:engagementId';
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/** Calculations over an engagement: compliance scores, their change over time, prudential requirements. */
export function calculationRoutes(): AnyRoute[] {
  return [
    route({
      method: 'GET',
      url: `${base}/scores`,
      cached: true,
      summary: 'Compliance scores and coverage by requirement, article, domain, title and regulation',
      tag: 'calculations',
      params: engagementParams,
      handler: ({ actor, params }, { db, catalogue }) =>
        engagementScores({ actor, input: params, tx: db, catalogue }),
    }),
    route({
      method: 'GET',
      url: `${base}/scores/compare`,
      summary:
        'Score changes since an instant (default: the engagement creation), the earlier state rebuilt from the audit log',
      tag: 'calculations',
      params: engagementParams,
      query: z.strictObject({ since: z.iso.datetime({ offset: true }).optional() }),
      handler: ({ actor, params, query }, { db, catalogue }) =>
        compareScores({ actor, input: { ...params, ...query }, tx: db, catalogue }),
    }),
    route({
      method: 'GET',
      url: `${base}/prudential`,
      summary:
        'MiCA Art. 67 / Annex IV own funds, Art. 35 own funds of ART issuers, Art. 85 and Art. 43 significance (?internationalSignificance=&interconnectedness= record the Art. 43(1)(e)-(f) judgement)',
      tag: 'calculations',
      params: engagementParams,
      query: z.strictObject({ internationalSignificance: flag, interconnectedness: flag }),
      handler: ({ actor, params, query }, { db }) =>
        engagementPrudential({
          actor,
          input: {
            ...params,
            judgement: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)),
          },
          tx: db,
        }),
    }),
  ];
}
