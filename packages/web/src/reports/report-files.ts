/** The reports page's data without the DOM: what the server answers and the addresses of a report's files. */
import type { Manifest, ReportFormat } from '@mica-audit/report';

/** Every deliverable the server renders, in the order the page offers them. */
export const REPORT_FORMATS = [
  'pdf',
  'docx',
  'xlsx',
  'json',
  'oscal-ar',
  'oscal-poam',
] as const satisfies readonly ReportFormat[];

/** One file of an issued report (`GET …/reports`). */
export interface ReportFile {
  readonly file: string;
  readonly format: string;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
}

/** `GET …/reports`: one issued report. */
export interface IssuedReport {
  readonly id: string;
  readonly engagementId: string;
  readonly jobId: string | null;
  readonly lang: string;
  readonly reportVersion: string;
  readonly auditLogHead: string;
  readonly issuedBy: string | null;
  readonly createdAt: string;
  readonly files: readonly ReportFile[];
}

/** A manifest entry with what the report row adds: the format and media type. */
export interface ManifestRow {
  readonly file: string;
  readonly sha256: string;
  readonly size: number;
  readonly format: string | undefined;
  readonly mediaType: string | undefined;
}

/** The address of one file of a report; `inline` only for a PDF (the server refuses other types). */
export function reportFileUrl(
  reportsUrl: string,
  reportId: string,
  file: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const url = `${reportsUrl}/${encodeURIComponent(reportId)}/files/${encodeURIComponent(file)}`;
  return disposition === 'inline' ? `${url}?disposition=inline` : url;
}

/** The PDF of a report, when it has one. */
export function pdfOf(report: IssuedReport): ReportFile | undefined {
  return report.files.find((f) => f.mediaType === 'application/pdf');
}

/** The manifest's entries, in its order, with the format and media type of the report's own file list. */
export function manifestRows(manifest: Manifest, files: readonly ReportFile[]): readonly ManifestRow[] {
  const byName = new Map(files.map((f) => [f.file, f]));
  return manifest.files.map((entry) => ({
    ...entry,
    format: byName.get(entry.file)?.format,
    mediaType: byName.get(entry.file)?.mediaType,
  }));
}

/** The report a finished report job issued (`result.reportId`). */
export function issuedReportId(result: unknown): string {
  const id = (result as { reportId?: unknown } | null)?.reportId;
  if (typeof id !== 'string' || id === '')
    throw new Error('the report job finished without naming the report');
  return id;
}

/** The formats ticked, in the order the page offers them; a format ticked twice counts once. */
export function toggleFormat(
  chosen: readonly ReportFormat[],
  format: ReportFormat,
  on: boolean,
): readonly ReportFormat[] {
  const set = new Set(chosen);
  if (on) set.add(format);
  else set.delete(format);
  return REPORT_FORMATS.filter((f) => set.has(f));
}
