/**
 * Uploaded tool files wait for their import job in a private folder under the data directory (not /tmp: a job must
 * find them after a restart). One folder per upload, named by a random id the job's payload carries; it is removed
 * when the job ends, and folders no live job refers to are swept.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export const IMPORT_JOB = 'finding.import';

const STAGING_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `<dataDir>/imports-staging`; without a data directory (an embedded app in tests), under the OS temp folder. */
export function stagingRoot(dataDir: string | undefined): string {
  return join(dataDir ?? join(tmpdir(), 'mica-audit'), 'imports-staging');
}

/** The folder of one upload; refuses anything but an id this module made (the payload is ours, but still). */
export function stagingFolder(root: string, id: string): string {
  if (!STAGING_ID.test(id)) throw new Error(`not an import staging id: ${id}`);
  return join(root, id);
}

/** Where the file at `position` of an upload is staged. */
export function stagedFilePath(root: string, id: string, position: number): string {
  return join(stagingFolder(root, id), String(position));
}

/** Creates a fresh, private upload folder. */
export async function newStagingFolder(root: string): Promise<{ readonly id: string; readonly dir: string }> {
  const id = randomUUID();
  const dir = stagingFolder(root, id);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return { id, dir };
}

export async function removeStaging(root: string, id: string): Promise<void> {
  await rm(stagingFolder(root, id), { recursive: true, force: true });
}

/** The newest modification time in a folder (an upload still streaming keeps touching it). */
async function lastTouched(dir: string): Promise<number> {
  let latest = (await stat(dir)).mtimeMs;
  for (const name of await readdir(dir)) {
    const touched = await stat(join(dir, name)).then(
      (s) => s.mtimeMs,
      () => 0,
    );
    latest = Math.max(latest, touched);
  }
  return latest;
}

/**
 * Removes upload folders untouched for `olderThanMs` that no queued or running import job refers to: leftovers of a
 * job that was abandoned after its last attempt, or of an upload cut off before its job was queued.
 */
export async function sweepStaging(
  db: Kysely<Database>,
  root: string,
  olderThanMs = 60 * 60 * 1000,
): Promise<number> {
  const names = await readdir(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  let removed = 0;
  for (const name of names.filter((n) => STAGING_ID.test(n))) {
    const dir = join(root, name);
    if (Date.now() - (await lastTouched(dir).catch(() => 0)) < olderThanMs) continue;
    const live = await db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', IMPORT_JOB)
      .where('status', 'in', ['queued', 'running'])
      .where(sql<string>`payload->>'staging'`, '=', name)
      .executeTakeFirst();
    if (live !== undefined) continue;
    await rm(dir, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
