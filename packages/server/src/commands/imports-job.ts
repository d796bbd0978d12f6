/** The import job: parse the staged files, store them in one transaction, report progress, exactly once. */
import { stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError, authorize } from '@mica-audit/core';
import { actorOf } from '../auth/users.ts';
import type { Database, Job } from '../db/schema.ts';
import { enqueueJob, type JobView } from '../jobs/queue.ts';
import { isDatabaseUnavailable } from '../db/connect.ts';
import { JobLostError, type JobContext } from '../jobs/worker.ts';
import type { CommandProps, InOrganisation } from './context.ts';
import { loadEngagement } from './engagements.ts';
import {
  importFiles,
  importsOfJob,
  type ImportFileInput,
  type ImportProgressEvent,
  type ImportSummary,
} from './imports.ts';
import { IMPORT_JOB, removeStaging, stagedFilePath, stagingRoot } from './imports-staging.ts';

export { IMPORT_JOB };

const stagedFile = z.strictObject({
  fileName: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
});

export const importJobPayload = z.strictObject({
  engagementId: z.string().min(1),
  /** The upload folder under the staging root (imports-staging.ts); file `i` of `files` is its entry `i`. */
  staging: z.uuid(),
  files: z.array(stagedFile).min(1),
  maxBytes: z.number().int().positive(),
});
export type ImportJobPayload = z.infer<typeof importJobPayload>;

/** One imported file in the job's result (the web app's import page reads this). */
export interface ImportedFile {
  readonly file: string;
  readonly format: string;
  readonly tool: string;
  readonly findings: number;
  readonly new: number;
  readonly updated: number;
  readonly fixed: number;
  readonly assets: number;
  readonly importId: string;
  readonly sha256: string;
}

export function importedFiles(summaries: readonly ImportSummary[]): { files: ImportedFile[] } {
  return {
    files: summaries.map(
      ({ file, format, tool, findings, new: fresh, updated, fixed, assets, importId, sha256 }) => ({
        file,
        format,
        tool,
        findings,
        new: fresh,
        updated,
        fixed,
        assets,
        importId,
        sha256,
      }),
    ),
  };
}

/** Queues the import of staged files (inside the caller's transaction: the job is visible once it commits). */
export async function enqueueImport({
  actor,
  input,
  tx,
}: CommandProps<InOrganisation & ImportJobPayload>): Promise<JobView> {
  authorize(actor, 'finding.import', input);
  await loadEngagement(tx, actor, input);
  const { engagementId, staging, files, maxBytes } = input;
  const payload: ImportJobPayload = { engagementId, staging, files, maxBytes };
  return enqueueJob(tx, {
    organisationId: input.organisationId,
    kind: IMPORT_JOB,
    payload,
    createdBy: actor.userId,
  });
}

/**
 * The share of the job's progress given to parsing: on the benchmark's 300,000-finding scan, parsing took about a
 * quarter of a PostgreSQL import (less on PGlite), storing the rest.
 */
export const PARSE_SHARE = 30;

/** The job's 0-100 figure for an import event. */
export function importPercent(event: ImportProgressEvent): number {
  if (event.phase === 'parse')
    return event.totalBytes === 0 ? 0 : (PARSE_SHARE * event.bytesRead) / event.totalBytes;
  const stored = event.total === 0 ? 1 : event.done / event.total;
  return PARSE_SHARE + (99 - PARSE_SHARE) * stored;
}

/**
 * Progress written to the job row without ever making the import wait for it: on PGlite a heartbeat cannot run while
 * the import's transaction holds the database, so it runs after the commit instead. One heartbeat at a time, always
 * the latest figure. Once a heartbeat says another worker took the job over (its lease expired), the next report
 * throws: inside the import's transaction that rolls the import back.
 */
export function jobProgress(context: JobContext) {
  let latest = 0;
  let sent = 0;
  let lost: Error | undefined;
  let pumping: Promise<void> | undefined;
  async function pump(): Promise<void> {
    while (latest > sent && lost === undefined) {
      const percent = latest;
      try {
        await context.progress(percent);
        sent = percent;
      } catch (error) {
        lost = error instanceof Error ? error : new Error(String(error));
      }
    }
    pumping = undefined;
  }
  return {
    report(percent: number): void {
      if (lost !== undefined) throw lost;
      const value = Math.min(99, Math.floor(percent));
      if (value <= latest) return;
      latest = value;
      pumping ??= pump();
    },
    /** Waits for the last heartbeat; throws when the job was lost meanwhile. */
    async settle(): Promise<void> {
      await pumping;
      if (lost !== undefined) throw lost;
    },
  };
}

export interface ImportJobServices {
  readonly db: Kysely<Database>;
  /** The workspace's data directory: uploads are staged under it (see imports-staging.ts). */
  readonly dataDir?: string | undefined;
}

async function stagedFiles(root: string, payload: ImportJobPayload): Promise<ImportFileInput[]> {
  return Promise.all(
    payload.files.map(async (f, position) => {
      const path = stagedFilePath(root, payload.staging, position);
      const size = await stat(path).then(
        (s) => s.size,
        () => -1,
      );
      if (size !== f.size)
        throw new DomainError(
          'import.staged_file_missing',
          `${f.fileName}: the uploaded file is no longer in ${root} (another server's data directory, or removed): upload it again`,
          { kind: 'not_found' },
        );
      return { path, fileName: f.fileName, sha256: f.sha256, size: f.size };
    }),
  );
}

/**
 * Runs one import job and returns `{ files }`. A re-run after a crash returns what the first run committed (never
 * importing twice); what the first run left uncommitted was rolled back by the database. The upload folder goes when
 * the job ends, successfully or not; it stays when another worker took the job over.
 */
export async function runImportJob(
  services: ImportJobServices,
  job: Job,
  context: JobContext,
): Promise<{ files: ImportedFile[] }> {
  const payload = importJobPayload.parse(job.payload);
  const { db } = services;
  const root = stagingRoot(services.dataDir);
  const progress = jobProgress(context);
  let keepStaging = false;
  try {
    const earlier = await importsOfJob(db, job.organisation_id, job.id);
    if (earlier.length > 0) return importedFiles(earlier);
    if (job.created_by === null)
      throw new DomainError('import.no_actor', 'the import job names no user: upload the files again');
    const summaries = await importFiles(
      db,
      await actorOf(db, job.created_by),
      {
        organisationId: job.organisation_id,
        engagementId: payload.engagementId,
        files: await stagedFiles(root, payload),
        maxBytes: payload.maxBytes,
        jobId: job.id,
      },
      (event) => progress.report(importPercent(event)),
    );
    await progress.settle();
    return importedFiles(summaries);
  } catch (error) {
    // Another worker took the job, or the database went away (the worker retries when the lease expires): either
    // way the job runs again and needs its files.
    keepStaging = error instanceof JobLostError || isDatabaseUnavailable(error);
    throw error;
  } finally {
    if (!keepStaging) await removeStaging(root, payload.staging);
  }
}
