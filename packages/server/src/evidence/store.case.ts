import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { storedHashes, type EvidenceStore } from './store.ts';

/** A fresh, empty store for one test, and how to dispose of it. */
export interface StoreUnderTest {
  readonly store: EvidenceStore;
  cleanup(): Promise<void>;
}

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** A source that yields `before` bytes and then fails, like an upload whose connection drops. */
function failingSource(before: number, message: string): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(Buffer.alloc(before, 7));
      } else this.destroy(new Error(message));
    },
  });
}

async function read(store: EvidenceStore, hash: string): Promise<Buffer> {
  return buffer(await store.open(hash));
}

/**
 * The contract every evidence store passes (local disk, S3-compatible): staging hashes while streaming and shows
 * nothing until commit, identical content is stored once, a failing source leaves nothing, concurrent stages do
 * not interfere, and list/remove/sweepStaging see exactly what is stored.
 */
export function describeEvidenceStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name}: evidence store contract`, () => {
    let current: StoreUnderTest | undefined;
    const fresh = async () => {
      current = await open();
      return current.store;
    };
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });

    it('stages with hash and size, shows nothing before commit, then opens, lists and removes', async () => {
      const store = await fresh();
      const data = Buffer.from('Politique de garde des actifs, version 3\n');
      const staged = await store.stage(Readable.from([data.subarray(0, 10), data.subarray(10)]));
      expect(staged).toMatchObject({ sha256: sha(data), size: data.length });
      expect(await store.has(staged.sha256)).toBe(false);
      expect(await storedHashes(store)).toEqual([]);
      await staged.commit();
      expect(await store.has(staged.sha256)).toBe(true);
      expect(await read(store, staged.sha256)).toEqual(data);
      const listed = [];
      for await (const content of store.list()) listed.push(content);
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ sha256: staged.sha256, size: data.length });
      expect(Math.abs((listed[0]?.modifiedAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
      // Nothing of the upload remains in staging once committed.
      expect(await store.sweepStaging({ olderThanMs: 0 })).toBe(0);
      await store.remove(staged.sha256);
      expect(await store.has(staged.sha256)).toBe(false);
      await expect(store.open(staged.sha256)).rejects.toMatchObject({ code: 'evidence.content_missing' });
      await store.remove(staged.sha256); // removing what is absent is not an error
    });

    it('stores identical content once, whoever commits first', async () => {
      const store = await fresh();
      const first = await store.stage(Readable.from([Buffer.from('same bytes')]));
      const second = await store.stage(Readable.from([Buffer.from('same '), Buffer.from('bytes')]));
      expect(second.sha256).toBe(first.sha256);
      await first.commit();
      await second.commit();
      await second.discard(); // after commit: nothing left to discard
      expect(await storedHashes(store)).toEqual([first.sha256]);
      expect((await read(store, first.sha256)).toString()).toBe('same bytes');
      expect(await store.sweepStaging({ olderThanMs: 0 })).toBe(0);
    });

    it('keeps nothing when the source fails, small or past a multipart part', async () => {
      const store = await fresh();
      await expect(store.stage(failingSource(1024, 'connection reset'))).rejects.toThrow('connection reset');
      await expect(store.stage(failingSource(6 * 1024 * 1024, 'client went away'))).rejects.toThrow(
        'client went away',
      );
      expect(await storedHashes(store)).toEqual([]);
      expect(await store.sweepStaging({ olderThanMs: 0 })).toBe(0);
    });

    it('discards a staged file without a trace', async () => {
      const store = await fresh();
      const staged = await store.stage(Readable.from([Buffer.from('never mind')]));
      await staged.discard();
      expect(await store.has(staged.sha256)).toBe(false);
      expect(await storedHashes(store)).toEqual([]);
      expect(await store.sweepStaging({ olderThanMs: 0 })).toBe(0);
    });

    it('runs concurrent stages and commits independently', async () => {
      const store = await fresh();
      const bodies = Array.from({ length: 12 }, (_, i) => Buffer.from(`evidence ${i % 8} `.repeat(500 + i)));
      const staged = await Promise.all(bodies.map((b) => store.stage(Readable.from([b]))));
      expect(staged.map((s) => s.sha256)).toEqual(bodies.map(sha));
      await Promise.all(staged.map((s) => s.commit()));
      expect(await storedHashes(store)).toEqual([...new Set(bodies.map(sha))].sort());
      for (const body of bodies) expect(await read(store, sha(body))).toEqual(body);
      expect(await store.sweepStaging({ olderThanMs: 0 })).toBe(0);
    });

    it("sweeps this process's staged files only past the grace period", async () => {
      const store = await fresh();
      const staged = await store.stage(Readable.from([Buffer.from('in flight')]));
      expect(await store.sweepStaging({ olderThanMs: 60 * 60 * 1000 })).toBe(0);
      await sleep(1100); // S3 modification times have a one-second resolution
      expect(await store.sweepStaging({ olderThanMs: 0 })).toBe(1);
      expect(await store.has(staged.sha256)).toBe(false);
    });

    it('refuses a key that is not a SHA-256', async () => {
      const store = await fresh();
      await expect(store.open('../../etc/passwd')).rejects.toMatchObject({ code: 'evidence.bad_hash' });
      await expect(store.remove('ABC')).rejects.toMatchObject({ code: 'evidence.bad_hash' });
      expect(await store.has('not-a-hash')).toBe(false);
    });
  });
}
