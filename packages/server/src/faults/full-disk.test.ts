import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../test/databases.ts';
import {
  call,
  seedWorkspace,
  startServer,
  throwawayDatabase,
  type SeededWorkspace,
  type ServerProcess,
} from './server-process.ts';

const run = promisify(execFile);

/** Every file under a folder, recursively (relative paths). */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function upload(
  server: ServerProcess,
  seeded: SeededWorkspace,
  bytes: Buffer,
  name: string,
): Promise<{ status: number; body: unknown }> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
  const response = await fetch(
    `${server.url}/api/organisations/${seeded.organisationId}/evidence?title=${encodeURIComponent(name)}`,
    { method: 'POST', headers: { authorization: `Bearer ${seeded.token}` }, body: form },
  );
  return { status: response.status, body: await response.json() };
}

describe.skipIf(!postgresAvailable)('a full disk during an upload', () => {
  let dataDir: string;
  let evidenceDir: string;
  let mounted = false;
  let database: Awaited<ReturnType<typeof throwawayDatabase>>;
  let seeded: SeededWorkspace;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mica-fault-disk-'));
    evidenceDir = join(dataDir, 'evidence');
    await mkdir(evidenceDir);
    try {
      // A 2 MiB file system for the evidence store alone: the database and everything else keep their space.
      await run('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', evidenceDir]);
      mounted = true;
    } catch (error) {
      console.warn(
        `fault tests: cannot mount a tmpfs (needs root): full-disk test skipped (${(error as Error).message.split('\n')[0]})`,
      );
      return;
    }
    database = await throwawayDatabase();
    seeded = await seedWorkspace(dataDir, database.url);
    server = await startServer({ dataDir, databaseUrl: database.url });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    if (mounted) await run('umount', [evidenceDir]);
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('refuses a file larger than the free space with 507 storage.full, keeps nothing, and accepts a small one after', async (context) => {
    if (!mounted) context.skip();
    const evidence = `/api/organisations/${seeded.organisationId}/evidence`;
    const evidenceCount = async (): Promise<number> =>
      ((await call(server, seeded.token, 'GET', evidence)).body as unknown[]).length;
    const countBefore = await evidenceCount();
    const filesBefore = await filesUnder(evidenceDir);

    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3 * 1024 * 1024)]);
    const refused = await upload(server, seeded, big, 'too-big.pdf');
    expect(refused.status, JSON.stringify(refused.body)).toBe(507);
    expect(refused.body).toMatchObject({ error: { code: 'storage.full' } });
    expect((refused.body as { error: { message: string } }).error.message).toMatch(/free space/);

    // No row, no staged or partial file.
    expect(await evidenceCount()).toBe(countBefore);
    expect(await filesUnder(evidenceDir)).toEqual(filesBefore);
    expect(await filesUnder(join(evidenceDir, 'staging'))).toEqual([]);

    // The refused upload's connection was closed rather than left stalled with unread bytes: this request, on
    // the same client, gets through.
    const small = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64 * 1024)]);
    const accepted = await upload(server, seeded, small, 'small.pdf');
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(await evidenceCount()).toBe(countBefore + 1);
    expect(await filesUnder(join(evidenceDir, 'staging'))).toEqual([]);
    expect(server.alive(), server.output()).toBe(true);
  }, 60_000);
});
