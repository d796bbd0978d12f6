import { authorize } from '@mica-audit/core';
import type { ReportFormat, ReportLang } from '@mica-audit/report';
import { appendAudit } from '../audit/audit-log.ts';
import type { Report, ReportFileRow } from '../db/schema.ts';
import { enqueueJob, type JobView } from '../jobs/queue.ts';
import { found, notFound, type CommandProps, type QueryProps } from './context.ts';
import { loadEngagement, type EngagementInput } from './engagements.ts';
import { REPORT_JOB, type ReportJobPayload } from './reports-issue.ts';

export interface ReportView {
  readonly id: string;
  readonly engagementId: string;
  readonly jobId: string | null;
  readonly lang: string;
  readonly reportVersion: string;
  readonly auditLogHead: string;
  readonly issuedBy: string | null;
  readonly createdAt: string;
  readonly files: readonly ReportFileRow[];
}

function view(row: Report): ReportView {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    jobId: row.job_id,
    lang: row.lang,
    reportVersion: row.report_version,
    auditLogHead: row.audit_log_head,
    issuedBy: row.issued_by,
    createdAt: row.created_at.toISOString(),
    files: row.files,
  };
}

export interface RequestReportInput extends EngagementInput {
  readonly formats: readonly ReportFormat[];
  readonly lang: ReportLang;
}

/** Queues the rendering of an engagement's deliverables; the job issues the report when it runs. */
export async function requestReport({
  actor,
  input,
  tx,
}: CommandProps<RequestReportInput>): Promise<JobView> {
  authorize(actor, 'report.issue', input);
  await loadEngagement(tx, actor, input);
  const payload: ReportJobPayload = {
    engagementId: input.engagementId,
    formats: [...new Set(input.formats)],
    lang: input.lang,
  };
  const job = await enqueueJob(tx, {
    organisationId: input.organisationId,
    kind: REPORT_JOB,
    payload,
    createdBy: actor.userId,
  });
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'report.request',
    entityType: 'job',
    entityId: job.id,
    before: null,
    after: { kind: REPORT_JOB, ...payload },
  });
  return job;
}

/** The reports issued for an engagement, newest first. */
export async function listReports({ actor, input, tx }: QueryProps<EngagementInput>): Promise<ReportView[]> {
  authorize(actor, 'report.read', input);
  await loadEngagement(tx, actor, input);
  const rows = await tx
    .selectFrom('reports')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(view);
}

export type ReportInput = EngagementInput & { readonly reportId: string };

async function loadReport(tx: QueryProps<unknown>['tx'], input: ReportInput): Promise<Report> {
  return found(
    await tx
      .selectFrom('reports')
      .selectAll()
      .where('organisation_id', '=', input.organisationId)
      .where('engagement_id', '=', input.engagementId)
      .where('id', '=', input.reportId)
      .executeTakeFirst(),
    'report',
    input.reportId,
  );
}

/** The manifest of an issued report: every file with its SHA-256 and the audit-log head at issue time. */
export async function getReportManifest({ actor, input, tx }: QueryProps<ReportInput>): Promise<unknown> {
  authorize(actor, 'report.read', input);
  await loadEngagement(tx, actor, input);
  return (await loadReport(tx, input)).manifest;
}

/** One file of an issued report, by its deliverable name. */
export async function getReportFile({
  actor,
  input,
  tx,
}: QueryProps<ReportInput & { readonly name: string }>): Promise<ReportFileRow> {
  authorize(actor, 'report.read', input);
  await loadEngagement(tx, actor, input);
  const report = await loadReport(tx, input);
  const file = report.files.find((f) => f.file === input.name);
  if (file === undefined) throw notFound('report file', input.name);
  return file;
}
