import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../test/databases.ts';
import { countRows, expireLease, pollJob } from './jobs.ts';
import {
  seedWorkspace,
  startServer,
  throwawayDatabase,
  verifyAuditLogCli,
  type SeededWorkspace,
  type ServerProcess,
} from './server-process.ts';

const RESULTS = 50_000;
const TOOL = 'Fault Injection Scanner';

/** A SARIF log of `count` results, each at its own file and line, so every one is a distinct finding. */
function largeSarif(count: number): string {
  const results = Array.from({ length: count }, (_, i) => ({
    ruleId: `fault.rule-${i % 12}`,
    level: i % 3 === 0 ? 'error' : 'warning',
    message: { text: `Synthetic finding ${i + 1}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: `src/module-${i % 97}/file-${i}.ts` },
          region: { startLine: 1 + (i % 500) },
        },
      },
    ],
  }));
  return JSON.stringify({
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{ tool: { driver: { name: TOOL, version: '1.0.0', rules: [] } }, results }],
  });
}

describe.skipIf(!postgresAvailable)('kill -9 during a large import', () => {
  let dataDir: string;
  let database: Awaited<ReturnType<typeof throwawayDatabase>>;
  let seeded: SeededWorkspace;
  let server: ServerProcess | undefined;
  let sarifPath: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mica-fault-import-'));
    database = await throwawayDatabase();
    seeded = await seedWorkspace(dataDir, database.url);
    sarifPath = join(dataDir, 'large.sarif');
    await writeFile(sarifPath, largeSarif(RESULTS));
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('leaves the import absent until the job runs again, then complete exactly once', async () => {
    const engagement = `/api/organisations/${seeded.organisationId}/engagements/${seeded.engagementId}`;
    // Read from the database itself, not through a server (there is none between the kill and the restart).
    const findingsOfTool = () =>
      countRows(
        database.url,
        `SELECT count(*) AS n FROM findings f JOIN imports i ON i.id = f.import_id WHERE i.tool = $1`,
        [TOOL],
      );
    server = await startServer({ dataDir, databaseUrl: database.url });
    const form = new FormData();
    form.append('file', new Blob([await readFile(sarifPath)], { type: 'application/json' }), 'large.sarif');
    const response = await fetch(`${server.url}${engagement}/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seeded.token}` },
      body: form,
    });
    const queued = (await response.json()) as { jobId: string };
    expect(response.status, JSON.stringify(queued)).toBe(202);

    const running = await pollJob(
      server,
      seeded,
      queued.jobId,
      (job) => job.progress > 0 || (job.status !== 'queued' && job.status !== 'running'),
      30_000,
      20,
    );
    expect(running.status, 'the import finished before it could be killed: make the file larger').toBe(
      'running',
    );
    await server.kill9();

    // Killed mid-job: nothing of the import is visible (its transaction never committed) — or, had the kill
    // landed after the commit, all of it. Never a part.
    const afterKill = await findingsOfTool();
    expect([0, RESULTS]).toContain(afterKill);

    await expireLease(database.url, queued.jobId);
    server = await startServer({ dataDir, databaseUrl: database.url });
    const finished = await pollJob(
      server,
      seeded,
      queued.jobId,
      (job) => job.status === 'done' || job.status === 'failed',
      50_000,
      250,
    );
    expect(finished, server.output()).toMatchObject({ status: 'done', attempts: 2 });

    expect(await findingsOfTool()).toBe(RESULTS);
    const imports = await countRows(database.url, `SELECT count(*) AS n FROM imports WHERE tool = $1`, [
      TOOL,
    ]);
    expect(imports).toBe(1);
    // The uploaded file went with the job; no staged evidence either.
    expect(await readdir(join(dataDir, 'imports-staging')).catch(() => [])).toEqual([]);
    expect(await readdir(join(dataDir, 'evidence', 'staging')).catch(() => [])).toEqual([]);
    const verified = await verifyAuditLogCli(database.url);
    expect(verified.ok, verified.output).toBe(true);
  }, 120_000);
});
