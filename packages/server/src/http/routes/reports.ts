import { z } from 'zod';
import { DomainError } from '@mica-audit/core';
import { FORMATS, LANGS } from '@mica-audit/report';
import { inTransaction } from '../../commands/context.ts';
import { getReportFile, getReportManifest, listReports, requestReport } from '../../commands/reports.ts';
import { wakeJobWorker } from '../../jobs/server-jobs.ts';
import { route, type AnyRoute } from '../route.ts';
import { engagementParams } from './common.ts';

const reportParams = engagementParams.extend({ reportId: z.string().min(1) });
const base = '/api/organisations/:organisationId/engagements/:engagementId/reports';

/** RFC 6266 attachment (or inline) header that survives any file name. */
function attachment(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The CSP of a PDF shown inline in the web app's preview frame: the API's own policy (nothing may load, run or submit;
 * `sandbox`) except that our own origin may frame it. Chromium's PDF viewer renders under it.
 */
const INLINE_PDF_CSP =
  "default-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox";

/** Reports: issue (as a job), list, download a file, read the manifest. */
export function reportRoutes(): AnyRoute[] {
  return [
    route({
      method: 'POST',
      url: base,
      summary: 'Issue the deliverables of an engagement: answers 202 with the job that renders them',
      tag: 'reports',
      status: 202,
      params: engagementParams,
      body: z.strictObject({
        formats: z.array(z.enum(FORMATS)).min(1).max(FORMATS.length),
        lang: z.enum(LANGS).default('en'),
      }),
      handler: async ({ actor, params, body, reply }, { db }) => {
        const job = await inTransaction(db, (tx) =>
          requestReport({ actor, input: { ...params, ...body }, tx }),
        );
        wakeJobWorker(db);
        void reply.header('location', `/api/organisations/${params.organisationId}/jobs/${job.id}`);
        return { jobId: job.id, job };
      },
    }),
    route({
      method: 'GET',
      url: base,
      summary: 'The reports issued for the engagement, newest first, with their files',
      tag: 'reports',
      params: engagementParams,
      handler: async ({ actor, params }, { db }) => ({
        items: await listReports({ actor, input: params, tx: db }),
      }),
    }),
    route({
      method: 'GET',
      url: `${base}/:reportId/manifest`,
      summary: 'The manifest of a report: SHA-256 of every file and the audit-log head hash at issue time',
      tag: 'reports',
      params: reportParams,
      handler: ({ actor, params }, { db }) => getReportManifest({ actor, input: params, tx: db }),
    }),
    route({
      method: 'GET',
      url: `${base}/:reportId/files/:name`,
      summary:
        "Download one file of a report as an attachment (`?disposition=inline`: a PDF shown in the web app's preview frame)",
      tag: 'reports',
      params: reportParams.extend({ name: z.string().min(1).max(300) }),
      query: z.strictObject({ disposition: z.enum(['attachment', 'inline']).default('attachment') }),
      handler: async ({ actor, params, query, reply }, { db, store }) => {
        const file = await getReportFile({ actor, input: params, tx: db });
        const inline = query.disposition === 'inline';
        if (inline && file.mediaType !== 'application/pdf')
          throw new DomainError(
            'report.inline_not_pdf',
            `disposition: only PDF files are shown inline; ${file.file} is ${file.mediaType}, download it instead`,
            { path: 'disposition' },
          );
        if (!(await store.has(file.sha256)))
          throw new DomainError(
            'report.content_missing',
            `the file ${file.file} of report ${params.reportId} is missing from the store`,
            { kind: 'internal' },
          );
        if (inline)
          void reply
            .header('content-security-policy', INLINE_PDF_CSP)
            .header('x-frame-options', 'SAMEORIGIN')
            .header('cache-control', 'private, no-cache');
        return reply
          .header('content-disposition', attachment(file.file, query.disposition))
          .header('x-content-type-options', 'nosniff')
          .header('content-length', file.size)
          .header('etag', `"${file.sha256}"`)
          .type(file.mediaType)
          .send(await store.open(file.sha256));
      },
    }),
  ];
}
