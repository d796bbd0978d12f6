import { z } from 'zod';
import { DomainError, authorize } from '@mica-audit/core';
import { inTransaction } from '../../commands/context.ts';
import { getEvidence, listEvidence, recordEvidence, setEvidenceLink } from '../../commands/evidence.ts';
import { route, type AnyRoute } from '../route.ts';
import { isoDate, orgParams } from './common.ts';
import { receiveUpload } from './upload.ts';

const evidenceParams = orgParams.extend({ evidenceId: z.string().min(1) });
const urn = z.string().min(5).max(300).startsWith('urn:');

/** RFC 6266 attachment header that survives any file name. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Evidence: streaming upload, metadata, download, and links to requirements. */
export function evidenceRoutes(): AnyRoute[] {
  return [
    route({
      method: 'POST',
      url: '/api/organisations/:organisationId/evidence',
      summary: 'Upload one evidence file (multipart field `file`); SHA-256 computed while streaming',
      tag: 'evidence',
      status: 201,
      multipart: true,
      params: orgParams,
      query: z.strictObject({
        engagementId: z.string().min(1).optional(),
        title: z.string().min(1).max(300).optional(),
        effectiveDate: isoDate.optional(),
        expiryDate: isoDate.optional(),
        previousId: z.string().min(1).optional(),
      }),
      handler: async ({ actor, params, query, request }, context) => {
        // Checked before a byte is read, so a forbidden upload never reaches the disk.
        authorize(actor, 'evidence.upload', params);
        const upload = await receiveUpload(request, context);
        try {
          return await inTransaction(context.db, async (tx) => {
            const created = await recordEvidence({
              actor,
              input: {
                ...params,
                ...query,
                ...upload.meta,
                sha256: upload.staged.sha256,
                size: upload.staged.size,
              },
              tx,
            });
            await upload.staged.commit();
            return created;
          });
        } catch (error) {
          await upload.staged.discard();
          // Only a failing COMMIT (after the rename) can leave content behind; it is unreferenced, never partial,
          // and deleting it here could race a concurrent upload of the same bytes. A store sweep will collect it.
          throw error;
        }
      },
    }),
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/evidence',
      cached: true,
      summary: 'Evidence, optionally of one engagement or supporting one requirement',
      tag: 'evidence',
      params: orgParams,
      query: z.strictObject({ engagementId: z.string().min(1).optional(), requirementUrn: urn.optional() }),
      handler: ({ actor, params, query }, { db }) =>
        listEvidence({ actor, input: { ...params, ...query }, tx: db }),
    }),
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/evidence/:evidenceId',
      summary: 'Evidence metadata: hash, size, dates, version chain, linked requirements',
      tag: 'evidence',
      params: evidenceParams,
      handler: ({ actor, params }, { db }) => getEvidence({ actor, input: params, tx: db }),
    }),
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/evidence/:evidenceId/content',
      summary: 'Download the evidence file as an attachment',
      tag: 'evidence',
      params: evidenceParams,
      handler: async ({ actor, params, reply }, { db, store }) => {
        const evidence = await getEvidence({ actor, input: params, tx: db });
        if (!(await store.has(evidence.sha256)))
          throw new DomainError(
            'evidence.content_missing',
            `the file of evidence ${evidence.id} is missing from the store`,
            {
              kind: 'internal',
            },
          );
        const stream = await store.open(evidence.sha256);
        return reply
          .header('content-disposition', attachment(evidence.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-length', evidence.size)
          .header('etag', `"${evidence.sha256}"`)
          .type(evidence.mediaType)
          .send(stream);
      },
    }),
    route({
      method: 'POST',
      url: '/api/organisations/:organisationId/evidence/:evidenceId/links',
      summary: 'Link the evidence to a requirement',
      tag: 'evidence',
      params: evidenceParams,
      body: z.strictObject({ requirementUrn: urn }),
      handler: ({ actor, params, body }, { db, catalogue }) =>
        inTransaction(db, (tx) =>
          setEvidenceLink({ actor, input: { ...params, ...body, link: true }, tx, catalogue }),
        ),
    }),
    route({
      method: 'DELETE',
      url: '/api/organisations/:organisationId/evidence/:evidenceId/links',
      summary: 'Unlink the evidence from a requirement',
      tag: 'evidence',
      params: evidenceParams,
      query: z.strictObject({ requirementUrn: urn }),
      handler: ({ actor, params, query }, { db, catalogue }) =>
        inTransaction(db, (tx) =>
          setEvidenceLink({ actor, input: { ...params, ...query, link: false }, tx, catalogue }),
        ),
    }),
  ];
}
