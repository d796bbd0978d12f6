/** The report job: snapshot, render every format, store the files and record the report with its manifest. */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Catalogue } from '@mica-audit/core';
import {
  buildModel,
  deliverableName,
  renderFromModel,
  FORMATS,
  LANGS,
  type Manifest,
  type ReportFormat,
} from '@mica-audit/report';
import { appendAudit } from '../audit/audit-log.ts';
import { json } from '../db/json.ts';
import type { Database, Job, ReportFileRow } from '../db/schema.ts';
import type { EvidenceStore, StagedFile } from '../evidence/store.ts';
import type { JobContext } from '../jobs/worker.ts';
import { buildSnapshot } from './snapshot.ts';

export const REPORT_JOB = 'report.render';

export const reportJobPayload = z.strictObject({
  engagementId: z.string().min(1),
  formats: z.array(z.enum(FORMATS)).min(1),
  lang: z.enum(LANGS),
});
export type ReportJobPayload = z.infer<typeof reportJobPayload>;

export const MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  'oscal-ar': 'application/json',
  'oscal-poam': 'application/json',
};

export interface ReportJobServices {
  readonly db: Kysely<Database>;
  readonly store: EvidenceStore;
  readonly catalogue: Catalogue;
}

function byName(a: { file: string }, b: { file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** Runs one report job; returns `{ reportId, files }` as the job's result. */
export async function runReportJob(
  services: ReportJobServices,
  job: Job,
  context: JobContext,
): Promise<{ reportId: string; reportVersion: string; files: readonly ReportFileRow[] }> {
  const payload = reportJobPayload.parse(job.payload);
  const { db, store, catalogue } = services;
  const organisationId = job.organisation_id;
  // A retried job whose first run committed its report before the process died: the report stands, once.
  const issued = await db
    .selectFrom('reports')
    .select(['id', 'report_version', 'files'])
    .where('organisation_id', '=', organisationId)
    .where('job_id', '=', job.id)
    .executeTakeFirst();
  if (issued !== undefined)
    return { reportId: issued.id, reportVersion: issued.report_version, files: issued.files };
  const previous = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('engagement_id', '=', payload.engagementId)
    .executeTakeFirstOrThrow();
  const reportVersion = String(Number(previous.n) + 1);
  // One repeatable-read transaction: every row and the audit-log head come from the same instant.
  const snapshot = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((tx) =>
      buildSnapshot(tx, organisationId, payload.engagementId, {
        lang: payload.lang,
        version: reportVersion,
        catalogue,
      }),
    );
  await context.progress(10);
  const model = buildModel(snapshot, catalogue);
  const formats = [...new Set(payload.formats)];
  const staged: StagedFile[] = [];
  const files: ReportFileRow[] = [];
  try {
    for (const [i, format] of formats.entries()) {
      const data = await renderFromModel(model, format, payload.lang);
      const file = await store.stage(Readable.from([data]));
      staged.push(file);
      files.push({
        file: deliverableName(snapshot, format, payload.lang),
        format,
        sha256: file.sha256,
        size: file.size,
        mediaType: MEDIA_TYPES[format],
      });
      await context.progress(10 + Math.round((80 * (i + 1)) / formats.length));
    }
    const manifest: Manifest = {
      manifestVersion: 1,
      engagementId: snapshot.engagement.id,
      reportVersion,
      issuedOn: snapshot.engagement.reportDate,
      auditLogHead: snapshot.engagement.auditLogHead,
      files: files.map((f) => ({ file: f.file, sha256: f.sha256, size: f.size })).sort(byName),
    };
    const reportId = randomUUID();
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('reports')
        .values({
          id: reportId,
          organisation_id: organisationId,
          engagement_id: payload.engagementId,
          job_id: job.id,
          lang: payload.lang,
          report_version: reportVersion,
          files: json(files),
          manifest: json(manifest),
          audit_log_head: manifest.auditLogHead,
          issued_by: job.created_by,
        })
        .execute();
      await appendAudit(tx, {
        organisationId,
        actorId: job.created_by,
        action: 'report.issue',
        entityType: 'report',
        entityId: reportId,
        before: null,
        after: { engagementId: payload.engagementId, lang: payload.lang, reportVersion, manifest },
      });
      // Content is renamed into place inside the transaction, as evidence uploads do.
      for (const file of staged) await file.commit();
    });
    return { reportId, reportVersion, files };
  } catch (error) {
    for (const file of staged) await file.discard();
    throw error;
  }
}
