import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@mica-audit/core';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Job } from '../db/schema.ts';
import { claimJob } from '../jobs/queue.ts';
import { createJobWorker, JobLostError, type JobContext } from '../jobs/worker.ts';
import { DATABASE_KINDS, freshDatabase, skipKind } from '../test/databases.ts';
import { sarif } from '../http/routes/imports-test-helpers.ts';
import { inTransaction } from './context.ts';
import { enqueueImport, IMPORT_JOB, PARSE_SHARE, runImportJob } from './imports-job.ts';
import { newStagingFolder, stagingRoot, sweepStaging } from './imports-staging.ts';
import { seedImportTarget } from './imports-test-seed.ts';

const nmap = fileURLToPath(new URL('../../../importers/test/fixtures/nmap.xml', import.meta.url));

describe.each(DATABASE_KINDS)('the import job on %s', (kind) => {
  let handle: DatabaseHandle;
  let dataDir: string;
  let actor: Actor;
  let organisationId: string;
  let engagementId: string;
  const test = it.skipIf(skipKind(kind));
  const root = () => stagingRoot(dataDir);

  beforeAll(async () => {
    if (skipKind(kind)) return;
    handle = await freshDatabase(kind);
    dataDir = await mkdtemp(join(tmpdir(), 'mica-import-job-'));
    const target = await seedImportTarget(handle.db);
    ({ actor, organisationId } = target);
    engagementId = target.engagementIds[0] ?? '';
  }, 120_000);
  afterAll(async () => {
    if (skipKind(kind)) return;
    await handle.close();
    await rm(dataDir, { recursive: true, force: true });
  }, 120_000);

  /** Stages files as the upload route does and queues their job. */
  async function queue(contents: readonly (string | Buffer)[]): Promise<{ jobId: string; staging: string }> {
    const staging = await newStagingFolder(root());
    const files = await Promise.all(
      contents.map(async (content, i) => {
        await writeFile(join(staging.dir, String(i)), content);
        const bytes = Buffer.from(content);
        return {
          fileName: `scan-${i}`,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          size: bytes.length,
        };
      }),
    );
    const job = await inTransaction(handle.db, (tx) =>
      enqueueImport({
        actor,
        input: { organisationId, engagementId, staging: staging.id, files, maxBytes: 1 << 20 },
        tx,
      }),
    );
    return { jobId: job.id, staging: staging.id };
  }
  const claim = async (workerId: string): Promise<Job> => {
    const job = await claimJob(handle.db, { workerId, kinds: [IMPORT_JOB], leaseMs: 60_000 });
    if (job === undefined) throw new Error('no import job to claim');
    return job;
  };
  const expireLease = (jobId: string) =>
    handle.db
      .updateTable('jobs')
      .set({ locked_until: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', jobId)
      .execute();
  const drain = () =>
    createJobWorker({
      db: handle.db,
      workerId: 'rescuer',
      handlers: { [IMPORT_JOB]: (job, context) => runImportJob({ db: handle.db, dataDir }, job, context) },
    }).drain();
  const jobRow = (id: string) =>
    handle.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const counts = async () => {
    const n = async (table: 'findings' | 'imports' | 'audit_log') =>
      Number(
        (
          await handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('organisation_id', '=', organisationId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { findings: await n('findings'), imports: await n('imports'), audit: await n('audit_log') };
  };

  test('a run killed while storing leaves nothing; the re-run after the lease expires imports once', async () => {
    const before = await counts();
    const { jobId, staging } = await queue([sarif(['k1', 'k2', 'k3']), await readFile(nmap)]);
    const doomed = await claim('doomed');
    // The worker loses its job while storing (its process stalled past the lease): the transaction rolls back.
    const context: JobContext = {
      progress: (percent) =>
        percent >= PARSE_SHARE ? Promise.reject(new JobLostError(jobId)) : Promise.resolve(),
    };
    await expect(runImportJob({ db: handle.db, dataDir }, doomed, context)).rejects.toBeInstanceOf(
      JobLostError,
    );
    expect(await counts()).toEqual(before);
    expect(await readdir(join(root(), staging))).toEqual(['0', '1']);
    await expireLease(jobId);
    expect(await drain()).toBe(1);
    const row = await jobRow(jobId);
    expect(row).toMatchObject({ status: 'done', attempts: 2, progress: 100 });
    const files = (row.result as { files: { file: string; new: number; findings: number }[] }).files;
    expect(files.map((f) => f.file)).toEqual(['scan-0', 'scan-1']);
    const after = await counts();
    expect(after.findings - before.findings).toBe(files.reduce((n, f) => n + f.new, 0));
    expect(after.imports - before.imports).toBe(2);
    expect(after.audit - before.audit).toBe(2);
    expect(await readdir(root())).not.toContain(staging);
  });

  test('a run that committed but died before finishing is not imported again; progress covers both phases', async () => {
    const { jobId } = await queue([sarif(['c1', 'c2']), sarif(['c3'], 'other-scanner')]);
    const first = await claim('dead');
    const seen: number[] = [];
    const result = await runImportJob({ db: handle.db, dataDir }, first, {
      progress: (percent) => {
        seen.push(percent);
        return Promise.resolve();
      },
    });
    expect(seen.some((p) => p > 0 && p <= PARSE_SHARE)).toBe(true); // parsing
    expect(seen.some((p) => p > PARSE_SHARE && p <= 99)).toBe(true); // storing
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const committed = await counts();
    await expireLease(jobId); // the process died before marking the job done
    expect(await drain()).toBe(1);
    expect(await jobRow(jobId)).toMatchObject({ status: 'done', attempts: 2, result });
    expect(await counts()).toEqual(committed);
  });

  test('staged files that vanished fail the job with a message naming the file', async () => {
    const { jobId, staging } = await queue([sarif(['v1'])]);
    await rm(join(root(), staging), { recursive: true });
    expect(await drain()).toBe(1);
    const row = await jobRow(jobId);
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/^scan-0: the uploaded file is no longer/);
  });

  test('the sweep removes upload folders no live job refers to, and keeps the others', async () => {
    const { staging: live } = await queue([sarif(['s1'])]);
    const orphan = await newStagingFolder(root());
    expect(await sweepStaging(handle.db, root(), 0)).toBe(1);
    const left = await readdir(root());
    expect(left).toContain(live);
    expect(left).not.toContain(orphan.id);
    expect(await drain()).toBe(1);
  });
});
