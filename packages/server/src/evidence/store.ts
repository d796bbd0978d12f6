import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '@mica-audit/core';
import { isStagingLeftover, stagedName } from './staging-owner.ts';

/** A file received into the store's staging area, hashed while it streamed in; not yet visible by hash. */
export interface StagedFile {
  readonly sha256: string;
  readonly size: number;
  /**
   * Makes the content addressable by its hash (cheap when identical content is already stored). Call it inside the
   * write transaction, after inserting the row that refers to the content: the orphan sweep (gc.ts) relies on the
   * lock that insert takes to never delete content a transaction in flight is about to refer to.
   */
  commit(): Promise<void>;
  /** Removes the staged copy (after commit it is already gone). */
  discard(): Promise<void>;
}

/** One piece of content in the store, as `list()` yields it. */
export interface StoredContent {
  readonly sha256: string;
  readonly size: number;
  readonly modifiedAt: Date;
}

/** Where evidence content lives: the local file system (`LocalEvidenceStore`) or S3-compatible object storage. */
export interface EvidenceStore {
  /** Where the content lives, for messages: a folder or `s3://bucket/prefix`. */
  readonly location: string;
  /** Streams content in, hashing it on the way; rejects (and keeps nothing) when the source errors. */
  stage(source: Readable): Promise<StagedFile>;
  /** Streams stored content; rejects with `evidence.content_missing` when there is none under that hash. */
  open(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /** Removes content no row refers to any more (nothing happens when it is absent). */
  remove(sha256: string): Promise<void>;
  /** Every stored piece of content, in no particular order. */
  list(): AsyncIterable<StoredContent>;
  /**
   * Deletes staged copies a crash or a lost connection left behind: those of processes of this host that no longer
   * run, and any older than `olderThanMs`. Returns how many it deleted.
   */
  sweepStaging(options: { readonly olderThanMs: number }): Promise<number>;
  /** Releases connections (the S3 client); the store is not used afterwards. */
  close(): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The key of content under a store root: `sha256/ab/abcdef…`; anything but a lowercase SHA-256 is refused. */
export function contentPath(sha256: string): string {
  if (!SHA256.test(sha256))
    throw new DomainError('evidence.bad_hash', `not a lowercase hex SHA-256: ${JSON.stringify(sha256)}`);
  return `sha256/${sha256.slice(0, 2)}/${sha256}`;
}

/** Whether a file name under the content folders is a SHA-256 (anything else there is not ours). */
export function isSha256(name: string): boolean {
  return SHA256.test(name);
}

export function contentMissing(sha256: string, location: string, cause?: unknown): DomainError {
  return new DomainError(
    'evidence.content_missing',
    `the file ${sha256} is missing from the evidence store (${location}): restore it from a backup`,
    { kind: 'internal', cause },
  );
}

/** A pass-through that hashes and counts what flows through it. */
export function hashingMeter(): { readonly stream: Transform; digest(): { sha256: string; size: number } } {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, digest: () => ({ sha256: hash.digest('hex'), size }) };
}

/** Content-addressed files under `<root>/sha256/ab/abcdef…`, staged under `<root>/staging` first. */
export class LocalEvidenceStore implements EvidenceStore {
  readonly root: string;
  readonly location: string;

  constructor(root: string) {
    this.root = root;
    this.location = root;
  }

  private pathOf(sha256: string): string {
    return join(this.root, contentPath(sha256));
  }

  async sweepStaging({ olderThanMs }: { readonly olderThanMs: number }): Promise<number> {
    const staging = join(this.root, 'staging');
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const name of await readdir(staging).catch(() => [] as string[])) {
      const path = join(staging, name);
      const info = await stat(path).catch(() => undefined);
      if (info === undefined || !isStagingLeftover(name, info.mtimeMs, cutoff)) continue;
      await rm(path, { recursive: true, force: true });
      removed += 1;
    }
    return removed;
  }

  async stage(source: Readable): Promise<StagedFile> {
    const staging = join(this.root, 'staging');
    await mkdir(staging, { recursive: true });
    const tmp = join(staging, stagedName(randomUUID()));
    const meter = hashingMeter();
    try {
      await pipeline(source, meter.stream, createWriteStream(tmp, { flags: 'wx' }));
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    const { sha256, size } = meter.digest();
    const target = this.pathOf(sha256);
    return {
      sha256,
      size,
      commit: async () => {
        await mkdir(join(target, '..'), { recursive: true });
        // Replacing identical content is harmless, and refreshes its modification time, which keeps the orphan
        // sweep's grace period counting from this commit.
        await rename(tmp, target);
      },
      discard: () => rm(tmp, { force: true }),
    };
  }

  async open(sha256: string): Promise<ReadStream> {
    const stream = createReadStream(this.pathOf(sha256));
    return new Promise((resolve, reject) => {
      stream.once('open', () => resolve(stream));
      stream.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'ENOENT' ? contentMissing(sha256, this.location, error) : error),
      );
    });
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async *list(): AsyncIterable<StoredContent> {
    const base = join(this.root, 'sha256');
    for (const dir of await readdir(base).catch(() => [] as string[])) {
      for (const name of await readdir(join(base, dir)).catch(() => [] as string[])) {
        if (!isSha256(name)) continue;
        // Removed between readdir and stat (a concurrent sweep): not there any more, so not listed.
        const info = await stat(join(base, dir, name)).catch(() => undefined);
        if (info?.isFile() === true) yield { sha256: name, size: info.size, modifiedAt: info.mtime };
      }
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** The hashes of everything stored, sorted (tests and maintenance). */
export async function storedHashes(store: EvidenceStore): Promise<string[]> {
  const out: string[] = [];
  for await (const content of store.list()) out.push(content.sha256);
  return out.sort();
}
