import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isStagingLeftover, STAGING_OWNER, stagedName } from './staging-owner.ts';
import { describeEvidenceStoreContract } from './store.case.ts';
import { LocalEvidenceStore, storedHashes } from './store.ts';

describeEvidenceStoreContract('local', async () => {
  const root = await mkdtemp(join(tmpdir(), 'mica-store-'));
  return {
    store: new LocalEvidenceStore(join(root, 'evidence')),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});

/** The pid of a process that has exited (so `kill(pid, 0)` fails), unless the system reused it meanwhile. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('staging owners', () => {
  const host = hostname().replace(/[^A-Za-z0-9.]/g, '-') || 'host';
  const now = Date.now();
  const cutoff = now - 60_000;

  it("keeps this process's and live processes' recent staged files, sweeps dead ones and old ones", () => {
    expect(isStagingLeftover(stagedName('a'), now, cutoff)).toBe(false);
    expect(isStagingLeftover(stagedName('a'), cutoff - 1, cutoff)).toBe(true);
    // Another process of this host that still runs (our parent, vitest's main process).
    expect(isStagingLeftover(`${host}-${process.ppid}-0badc0de__x`, now, cutoff)).toBe(false);
    expect(isStagingLeftover(`${host}-${deadPid()}-0badc0de__x`, now, cutoff)).toBe(true);
    // Our own pid with another nonce: an earlier process that had the same pid (a container restart).
    expect(isStagingLeftover(`${host}-${process.pid}-0badc0de__x`, now, cutoff)).toBe(
      !STAGING_OWNER.endsWith('0badc0de'),
    );
    // Another host: its processes cannot be checked, only the grace period applies.
    expect(isStagingLeftover(`elsewhere.example-1-0badc0de__x`, now, cutoff)).toBe(false);
    expect(isStagingLeftover(`elsewhere.example-1-0badc0de__x`, cutoff - 1, cutoff)).toBe(true);
    // Names from before owners were recorded.
    expect(isStagingLeftover('3f1c2d0e-uuid-only', now, cutoff)).toBe(true);
  });
});

describe('local store on disk', () => {
  it('sweeps a crashed process of this host at once, and leaves foreign files alone in the content folders', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mica-store-'));
    try {
      const store = new LocalEvidenceStore(root);
      await store.stage(Readable.from([Buffer.from('ours, in flight')]));
      await writeFile(
        join(root, 'staging', `${hostname().replace(/[^A-Za-z0-9.]/g, '-')}-${deadPid()}-0badc0de__x`),
        'left',
      );
      const old = join(root, 'staging', 'elsewhere-1-0badc0de__y');
      await writeFile(old, 'old');
      await utimes(old, new Date(Date.now() - 7200_000), new Date(Date.now() - 7200_000));
      expect(await store.sweepStaging({ olderThanMs: 3600_000 })).toBe(2);
      expect(await readdir(join(root, 'staging'))).toEqual([expect.stringMatching(/^.+__/)]);
      await mkdir(join(root, 'sha256', 'ab'), { recursive: true });
      await writeFile(join(root, 'sha256', 'ab', 'README.txt'), 'not content');
      expect(await storedHashes(store)).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
