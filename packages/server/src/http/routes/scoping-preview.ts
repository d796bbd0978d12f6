import { z } from 'zod';
import { profileSchema } from '@mica-audit/core';
import { previewScoping } from '../../commands/scoping-preview.ts';
import { route, type AnyRoute } from '../route.ts';
import { orgParams } from './common.ts';

/** The wizard's live scoping preview: a profile in, every requirement with its reasons out, nothing stored. */
export function scopingPreviewRoutes(): AnyRoute[] {
  return [
    route({
      method: 'POST',
      url: '/api/organisations/:organisationId/scoping/preview',
      summary:
        'Scope a profile before any engagement exists: every requirement, applicable or not, with reasons and counts by regulation; stores nothing',
      tag: 'engagements',
      params: orgParams,
      // The core profile schema itself, so a bad profile gets 400 `profile.<field>: problem`.
      body: z.strictObject({ profile: profileSchema, lang: z.enum(['en', 'fr']).default('en') }),
      handler: ({ actor, params, body }, { catalogue }) =>
        Promise.resolve(previewScoping({ actor, input: { ...params, ...body }, catalogue })),
    }),
  ];
}
