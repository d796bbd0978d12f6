import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A file received into the store's staging area, hashed while it streamed in; not yet visible by hash. */
export interface StagedFile {
  readonly sha256: string;
  readonly size: number;
  /** Makes the content addressable by its hash (a no-op when identical content is already stored). */
  commit(): Promise<void>;
  /** Removes the staged copy (after commit it is already gone). */
  discard(): Promise<void>;
}

/** Where evidence content lives. Local disk now; an S3-compatible store implements the same interface. */
export interface EvidenceStore {
  /** Streams content in, hashing it on the way; rejects (and keeps nothing) when the source errors. */
  stage(source: Readable): Promise<StagedFile>;
  open(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /** Removes content no row refers to any more. */
  remove(sha256: string): Promise<void>;
}

/** Content-addressed files under `<root>/sha256/ab/abcdef…`, staged under `<root>/staging` first. */
export class LocalEvidenceStore implements EvidenceStore {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256);
  }

  /** Deletes staged files a crash left behind; call at start-up. */
  async sweepStaging(): Promise<void> {
    await rm(join(this.root, 'staging'), { recursive: true, force: true });
  }

  async stage(source: Readable): Promise<StagedFile> {
    const staging = join(this.root, 'staging');
    await mkdir(staging, { recursive: true });
    const tmp = join(staging, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(tmp, { flags: 'wx' }));
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    const sha256 = hash.digest('hex');
    const target = this.pathOf(sha256);
    return {
      sha256,
      size,
      commit: async () => {
        await mkdir(join(target, '..'), { recursive: true });
        await rename(tmp, target);
      },
      discard: () => rm(tmp, { force: true }),
    };
  }

  open(sha256: string): Promise<ReadStream> {
    const stream = createReadStream(this.pathOf(sha256));
    return new Promise((resolve, reject) => {
      stream.once('open', () => resolve(stream));
      stream.once('error', reject);
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

  /** Every stored hash (tests and maintenance). */
  async list(): Promise<string[]> {
    const base = join(this.root, 'sha256');
    const out: string[] = [];
    for (const dir of await readdir(base).catch(() => [] as string[]))
      out.push(...(await readdir(join(base, dir))));
    return out.sort();
  }
}
