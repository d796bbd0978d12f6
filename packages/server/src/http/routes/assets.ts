import { z } from 'zod';
import { createAsset, deleteAsset, getAsset, listAssets, updateAsset } from '../../commands/assets.ts';
import { inTransaction } from '../../commands/context.ts';
import { route, type AnyRoute } from '../route.ts';
import { engagementParams, page } from './common.ts';

const assetParams = engagementParams.extend({ assetId: z.string().min(1) });
const fields = {
  name: z.string().min(1).max(300),
  kind: z.string().min(1).max(50),
  key: z.string().min(1).max(2000).nullable().optional(),
  description: z.string().max(5000).optional(),
  criticality: z.enum(['low', 'medium', 'high', 'critical']).optional(),
};

/** Assets of an engagement: listing and hand edits (imports upsert theirs by key). */
export function assetRoutes(): AnyRoute[] {
  const base = '/api/organisations/:organisationId/engagements/:engagementId/assets';
  return [
    route({
      method: 'GET',
      url: base,
      summary: 'The engagement assets, optionally of one kind or matching a text',
      tag: 'assets',
      params: engagementParams,
      query: z.strictObject({
        ...page,
        kind: z.string().min(1).max(50).optional(),
        q: z.string().min(1).max(200).optional(),
      }),
      handler: ({ actor, params, query }, { db }) =>
        listAssets({ actor, input: { ...params, ...query }, tx: db }),
    }),
    route({
      method: 'POST',
      url: base,
      summary: 'Add an asset',
      tag: 'assets',
      status: 201,
      params: engagementParams,
      body: z.strictObject(fields),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => createAsset({ actor, input: { ...params, ...body }, tx })),
    }),
    route({
      method: 'GET',
      url: `${base}/:assetId`,
      summary: 'One asset',
      tag: 'assets',
      params: assetParams,
      handler: ({ actor, params }, { db }) => getAsset({ actor, input: params, tx: db }),
    }),
    route({
      method: 'PATCH',
      url: `${base}/:assetId`,
      summary: 'Edit an asset at the version you saw',
      tag: 'assets',
      params: assetParams,
      body: z.strictObject({
        version: z.number().int().min(1),
        name: fields.name.optional(),
        kind: fields.kind.optional(),
        key: fields.key,
        description: fields.description,
        criticality: fields.criticality,
      }),
      handler: ({ actor, params, body }, { db }) =>
        inTransaction(db, (tx) => updateAsset({ actor, input: { ...params, ...body }, tx })),
    }),
    route({
      method: 'DELETE',
      url: `${base}/:assetId`,
      summary: 'Delete an asset at the version you saw; its findings keep the asset key',
      tag: 'assets',
      params: assetParams,
      query: z.strictObject({ version: z.coerce.number().int().min(1) }),
      handler: ({ actor, params, query }, { db }) =>
        inTransaction(db, (tx) => deleteAsset({ actor, input: { ...params, ...query }, tx })),
    }),
  ];
}
