import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../test/databases.ts';
import { countRows, expireLease, pollJob } from './jobs.ts';
import {
  call,
  seedWorkspace,
  startServer,
  throwawayDatabase,
  verifyAuditLogCli,
  type SeededWorkspace,
  type ServerProcess,
} from './server-process.ts';

interface Manifest {
  readonly files: readonly { readonly file: string; readonly sha256: string; readonly size: number }[];
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe.skipIf(!postgresAvailable)('kill -9 during a report render', () => {
  let dataDir: string;
  let database: Awaited<ReturnType<typeof throwawayDatabase>>;
  let seeded: SeededWorkspace;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mica-fault-report-'));
    database = await throwawayDatabase();
    seeded = await seedWorkspace(dataDir, database.url);
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('renders the report once after a restart, with no half-written file and a consistent manifest', async () => {
    const engagement = `/api/organisations/${seeded.organisationId}/engagements/${seeded.engagementId}`;
    const evidenceDir = join(dataDir, 'evidence');
    server = await startServer({ dataDir, databaseUrl: database.url });
    // JSON first (quick), then the PDF (seconds): the kill lands while the PDF renders, with JSON already staged.
    const requested = await call(server, seeded.token, 'POST', `${engagement}/reports`, {
      formats: ['json', 'pdf', 'docx'],
      lang: 'en',
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(202);
    const { jobId } = requested.body as { jobId: string };
    const rendering = await pollJob(
      server,
      seeded,
      jobId,
      (job) => job.progress > 10 || (job.status !== 'queued' && job.status !== 'running'),
      30_000,
      20,
    );
    expect(rendering.status, 'the report was issued before it could be killed').toBe('running');
    await server.kill9();
    expect(
      await countRows(database.url, 'SELECT count(*) AS n FROM reports WHERE job_id = $1', [jobId]),
    ).toBe(0);
    // What the kill left: the staged copy of the rendered JSON, named after the dead process.
    expect((await filesUnder(join(evidenceDir, 'staging'))).length).toBeGreaterThan(0);

    await expireLease(database.url, jobId);
    server = await startServer({ dataDir, databaseUrl: database.url });
    // Start-up removed the dead process's staged files.
    expect(await filesUnder(join(evidenceDir, 'staging'))).toEqual([]);
    const finished = await pollJob(
      server,
      seeded,
      jobId,
      (job) => job.status === 'done' || job.status === 'failed',
      50_000,
      250,
    );
    expect(finished, server.output()).toMatchObject({ status: 'done', attempts: 2 });
    expect(
      await countRows(database.url, 'SELECT count(*) AS n FROM reports WHERE job_id = $1', [jobId]),
    ).toBe(1);

    // The manifest names exactly the files served, and each one hashes to what it says.
    const { reportId } = finished.result as { reportId: string };
    const manifest = (await call(server, seeded.token, 'GET', `${engagement}/reports/${reportId}/manifest`))
      .body as Manifest;
    expect(manifest.files.length).toBe(3);
    for (const entry of manifest.files) {
      const response = await fetch(
        `${server.url}${engagement}/reports/${reportId}/files/${encodeURIComponent(entry.file)}`,
        { headers: { authorization: `Bearer ${seeded.token}` } },
      );
      expect(response.status, entry.file).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBe(entry.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
    }
    // No half-written content anywhere in the store: every stored file is whole (it hashes to its own name). What
    // the killed run committed before dying, if anything, is whole too and left to the orphan sweep.
    for (const path of await filesUnder(join(evidenceDir, 'sha256')))
      expect(
        createHash('sha256')
          .update(await readFile(path))
          .digest('hex'),
      ).toBe(basename(path));
    expect(await filesUnder(join(evidenceDir, 'staging'))).toEqual([]);
    const verified = await verifyAuditLogCli(database.url);
    expect(verified.ok, verified.output).toBe(true);
  }, 120_000);
});
