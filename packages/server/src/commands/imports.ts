import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { DomainError, authorize, isDomainError, type Actor } from '@mica-audit/core';
import { importFile, loadMappingRules, type ImportResult, type MappingRule } from '@mica-audit/importers';
import { appendAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { json } from '../db/json.ts';
import { type CommandProps, type InOrganisation, type QueryProps } from './context.ts';
import { loadEngagement } from './engagements.ts';
import { inImportTransaction, type BulkWriter } from './imports-bulk.ts';
import { clearStaging, createStaging, hasFindings, storeFile } from './imports-write.ts';

/** One tool file received (streamed to disk and hashed) and ready to parse. */
export interface ImportFileInput {
  readonly path: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly size: number;
}

export interface ParsedImport {
  readonly file: ImportFileInput;
  readonly result: ImportResult;
}

/** What each imported file did, in the API response and the CLI output. */
export interface ImportSummary {
  readonly importId: string;
  readonly file: string;
  readonly format: string;
  readonly tool: string;
  readonly sha256: string;
  readonly findings: number;
  readonly new: number;
  readonly updated: number;
  readonly fixed: number;
  readonly assets: number;
}

/**
 * How far an import is: reading and parsing the files (bytes of all files, findings so far), then storing them
 * (`done` of `total` units: each finding counts once when copied into staging and once when merged, or twice when
 * written straight into an engagement that held no finding).
 */
export type ImportProgressEvent =
  | {
      readonly phase: 'parse';
      readonly file: string;
      readonly bytesRead: number;
      readonly totalBytes: number;
      readonly findings: number;
    }
  | { readonly phase: 'store'; readonly done: number; readonly total: number };

export type OnImportProgress = (event: ImportProgressEvent) => void;

let rules: Promise<readonly MappingRule[]> | undefined;
/** The shipped mapping table (packages/importers/mapping-rules.yaml), loaded once. */
export function mappingRules(): Promise<readonly MappingRule[]> {
  rules ??= loadMappingRules();
  return rules;
}

/** The import's error, prefixed with the file it concerns (too large becomes a 413 through its statusCode). */
export function inFile(fileName: string, error: unknown): unknown {
  if (!isDomainError(error)) return error;
  const named = new DomainError(error.code, `${fileName}: ${error.message}`, {
    kind: error.kind,
    path: error.path,
    cause: error,
  });
  return error.code === 'import.too_large' ? Object.assign(named, { statusCode: 413 }) : named;
}

/** Parses every file before anything is written: the first bad file stops the whole import. */
export async function parseImports(
  files: readonly ImportFileInput[],
  options: {
    readonly now: string;
    readonly maxBytes?: number | undefined;
    readonly onProgress?: OnImportProgress | undefined;
  },
): Promise<ParsedImport[]> {
  const mapping = await mappingRules();
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  const parsed: ParsedImport[] = [];
  let before = 0;
  let findingsBefore = 0;
  for (const file of files) {
    const { onProgress } = options;
    try {
      const result = await importFile(file.path, {
        now: options.now,
        maxBytes: options.maxBytes,
        mappingRules: mapping,
        onProgress:
          onProgress &&
          ((p) =>
            onProgress({
              phase: 'parse',
              file: file.fileName,
              bytesRead: before + p.bytesRead,
              totalBytes,
              findings: findingsBefore + p.findings,
            })),
      });
      parsed.push({ file, result });
      findingsBefore += result.findings.length;
    } catch (error) {
      throw inFile(file.fileName, error);
    }
    before += file.size;
  }
  return parsed;
}

export interface RecordImportsInput extends InOrganisation {
  readonly engagementId: string;
  readonly files: readonly ParsedImport[];
  /** The import time: lastSeen of what was seen, the time of every status change. */
  readonly now: string;
  /** The job that imports the files: its `imports` rows carry it, so a re-run finds them. */
  readonly jobId?: string | undefined;
}

/**
 * Stores parsed files into the engagement, in the caller's transaction (which `writer` writes into): findings
 * deduplicated by fingerprint against what the engagement already holds, findings absent from a newer scan of the
 * same tool and assets marked fixed, status history appended, assets upserted, one `imports` row and one audit
 * entry per file. Files are merged in order, so a later file sees what an earlier one stored.
 */
export async function recordImports({
  actor,
  input,
  tx,
  writer,
  onProgress,
}: CommandProps<RecordImportsInput> & {
  readonly writer: BulkWriter;
  readonly onProgress?: OnImportProgress | undefined;
}): Promise<ImportSummary[]> {
  authorize(actor, 'finding.import', input);
  await loadEngagement(tx, actor, input);
  // One import at a time per engagement, until commit: a second one then merges into what the first stored (two
  // first imports of an empty engagement would otherwise both write straight into `findings` and collide on the
  // fingerprint index; two merges would both mark the same findings fixed).
  await sql`select pg_advisory_xact_lock(hashtext(${`mica-audit.import-engagement:${input.engagementId}`}))`.execute(
    tx,
  );
  await createStaging(tx);
  const total = input.files.reduce((n, f) => n + 2 * f.result.findings.length, 0);
  let done = 0;
  const summaries: ImportSummary[] = [];
  for (const [position, { file, result }] of input.files.entries()) {
    const importId = randomUUID();
    await tx
      .insertInto('imports')
      .values({
        id: importId,
        organisation_id: input.organisationId,
        engagement_id: input.engagementId,
        file_name: file.fileName,
        sha256: file.sha256,
        size: file.size,
        format: result.format,
        tool: result.tool,
        tool_version: result.toolVersion ?? null,
        counts: json({}),
        actor_id: actor.userId,
        job_id: input.jobId ?? null,
        job_file: input.jobId === undefined ? null : position,
      })
      .execute();
    if (position > 0) await clearStaging(tx);
    const copied = done;
    const changes = await storeFile(
      tx,
      writer,
      result,
      {
        organisationId: input.organisationId,
        engagementId: input.engagementId,
        importId,
        now: input.now,
        known: await hasFindings(tx, input.engagementId),
      },
      (units) => onProgress?.({ phase: 'store', done: copied + units, total }),
    );
    done += 2 * result.findings.length;
    onProgress?.({ phase: 'store', done, total });
    const summary: ImportSummary = {
      importId,
      file: file.fileName,
      format: result.format,
      tool: result.tool,
      sha256: file.sha256,
      findings: result.findings.length,
      ...changes,
      assets: result.assets.length,
    };
    const { findings, new: fresh, updated, fixed, assets } = summary;
    await tx
      .updateTable('imports')
      .set({ counts: json({ findings, new: fresh, updated, fixed, assets }) })
      .where('id', '=', importId)
      .execute();
    summaries.push(summary);
  }
  // Last: appending takes the audit log's table lock until the commit, which should come right after.
  for (const summary of summaries)
    await appendAudit(tx, {
      organisationId: input.organisationId,
      actorId: actor.userId,
      action: 'finding.import',
      entityType: 'import',
      entityId: summary.importId,
      before: null,
      after: { ...summary, engagementId: input.engagementId },
    });
  return summaries;
}

/**
 * What a job already imported, in upload order (empty when nothing). Inside the import's transaction, `lock` first
 * waits for any other run of the same job to commit or roll back, so two workers never both import it.
 */
export async function importsOfJob(
  tx: QueryProps<unknown>['tx'],
  organisationId: string,
  jobId: string,
  options: { readonly lock?: boolean } = {},
): Promise<ImportSummary[]> {
  if (options.lock === true)
    await sql`select pg_advisory_xact_lock(hashtext(${`mica-audit.import-job:${jobId}`}))`.execute(tx);
  const rows = await tx
    .selectFrom('imports')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('job_id', '=', jobId)
    .orderBy('job_file')
    .execute();
  return rows.map((r) => {
    const counts = r.counts as Record<string, number>;
    return {
      importId: r.id,
      file: r.file_name,
      format: r.format,
      tool: r.tool,
      sha256: r.sha256,
      findings: counts.findings ?? 0,
      new: counts.new ?? 0,
      updated: counts.updated ?? 0,
      fixed: counts.fixed ?? 0,
      assets: counts.assets ?? 0,
    };
  });
}

/** Refuses an import before its upload is read: no right to import, or no such engagement here (404). */
export async function checkImportTarget({
  actor,
  input,
  tx,
}: QueryProps<InOrganisation & { readonly engagementId: string }>): Promise<void> {
  authorize(actor, 'finding.import', input);
  await loadEngagement(tx, actor, input);
}

/**
 * Parses the files, then stores them in one transaction: all or nothing. Used by the import job, the CLI and the
 * demo. With `jobId`, a job that already committed its import returns that import instead of storing it again.
 */
export async function importFiles(
  db: Kysely<Database>,
  actor: Actor,
  input: InOrganisation & {
    readonly engagementId: string;
    readonly files: readonly ImportFileInput[];
    readonly maxBytes?: number | undefined;
    readonly jobId?: string | undefined;
  },
  onProgress?: OnImportProgress,
): Promise<ImportSummary[]> {
  authorize(actor, 'finding.import', input);
  const { organisationId, engagementId, jobId } = input;
  const now = new Date().toISOString();
  const files = await parseImports(input.files, { now, maxBytes: input.maxBytes, onProgress });
  return inImportTransaction(db, async (tx, writer) => {
    if (jobId !== undefined) {
      const earlier = await importsOfJob(tx, organisationId, jobId, { lock: true });
      if (earlier.length > 0) return earlier;
    }
    return recordImports({
      actor,
      input: { organisationId, engagementId, files, now, jobId },
      tx,
      writer,
      onProgress,
    });
  });
}

/** The imports recorded for an engagement, newest first. */
export async function listImports({
  actor,
  input,
  tx,
}: QueryProps<InOrganisation & { readonly engagementId: string }>) {
  authorize(actor, 'finding.read', input);
  await loadEngagement(tx, actor, input);
  const rows = await tx
    .selectFrom('imports')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    sha256: r.sha256,
    size: Number(r.size),
    format: r.format,
    tool: r.tool,
    toolVersion: r.tool_version,
    counts: r.counts,
    actorId: r.actor_id,
    createdAt: r.created_at.toISOString(),
  }));
}
