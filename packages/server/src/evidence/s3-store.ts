import { randomUUID } from 'node:crypto';
import { Readable, pipeline } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type _Object,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { DomainError } from '@mica-audit/core';
import { isStagingLeftover, stagedName } from './staging-owner.ts';
import {
  contentMissing,
  contentPath,
  hashingMeter,
  isSha256,
  type EvidenceStore,
  type StagedFile,
  type StoredContent,
} from './store.ts';

export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

export interface S3StoreOptions {
  readonly bucket: string;
  /** Prepended to every key; a non-empty prefix ends with `/` (added when missing). */
  readonly prefix?: string | undefined;
  readonly region: string;
  /** Any S3-compatible service (MinIO, Ceph, Garage, R2…); AWS S3 when absent. */
  readonly endpoint?: string | undefined;
  /** `https://host/bucket/key` instead of `https://bucket.host/key` (most self-hosted services need it). */
  readonly forcePathStyle?: boolean | undefined;
  /** Without them the AWS SDK's default chain applies (environment, profile, instance or task role). */
  readonly credentials?: S3Credentials | undefined;
}

// lib-storage buffers one part per request in flight: 5 MiB (S3's minimum part) × 2 bounds an upload's memory.
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;
// A single CopyObject copies at most 5 GiB; the upload limit is far below it.
const MAX_COPY_BYTES = 5 * 1024 ** 3;
const DELETE_CONCURRENCY = 8;

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}

/** `a/b c` → `a/b%20c`: CopySource is a URL path. */
function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/**
 * Content-addressed objects under `<prefix>sha256/ab/<hash>` in an S3-compatible bucket.
 *
 * Staging streams the upload to `<prefix>staging/<owner>__<uuid>` while hashing it, and `commit()` copies that object
 * to its content key server-side (skipped when the content is already there) and deletes the staged one. The
 * alternative, staging to a local temporary file and uploading on commit, would move the whole upload into
 * `commit()`, which runs inside the write transaction while it holds the audit-log lock: every other write of the
 * installation would wait for the slowest upload. Here the transaction waits only for a server-side copy, the
 * server needs no local disk, and a failing source leaves nothing (the multipart upload is aborted and the staged
 * key deleted; a crash leaves a staged object that `sweepStaging` removes).
 */
export class S3EvidenceStore implements EvidenceStore {
  readonly location: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3StoreOptions) {
    this.bucket = options.bucket;
    const prefix = options.prefix ?? '';
    this.prefix = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
    this.location = `s3://${this.bucket}/${this.prefix}`;
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
      forcePathStyle: options.forcePathStyle ?? false,
      ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
      // The SDK's default CRC32 trailers are refused by several S3-compatible services; our own SHA-256 is the
      // integrity check that matters, and it is computed while streaming.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private keyOf(sha256: string): string {
    return `${this.prefix}${contentPath(sha256)}`;
  }

  /** Fails with a clear error when the bucket cannot be reached with these settings (called at start-up). */
  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      const reason =
        status === 404
          ? 'the bucket does not exist'
          : status === 403
            ? 'access denied: check the credentials (MICA_AUDIT_S3_ACCESS_KEY_ID or AWS_ACCESS_KEY_ID)'
            : (error as Error).message;
      throw new DomainError(
        'evidence_store.unreachable',
        `the S3 evidence store ${this.location} cannot be used: ${reason}. Check MICA_AUDIT_S3_BUCKET, MICA_AUDIT_S3_ENDPOINT, MICA_AUDIT_S3_REGION and MICA_AUDIT_S3_FORCE_PATH_STYLE`,
        { kind: 'invalid', cause: error },
      );
    }
  }

  async stage(source: Readable): Promise<StagedFile> {
    const stagingKey = `${this.prefix}staging/${stagedName(randomUUID())}`;
    const meter = hashingMeter();
    let sourceError: Error | undefined;
    // pipeline() destroys the meter with the source's error, which fails the upload; the source's error is the
    // one worth reporting (a 413 from the multipart limit, a reset connection), not the SDK's abort message.
    const body = pipeline(source, meter.stream, (error) => {
      if (error) sourceError ??= error;
    });
    try {
      await new Upload({
        client: this.client,
        params: { Bucket: this.bucket, Key: stagingKey, Body: body },
        partSize: PART_SIZE,
        queueSize: QUEUE_SIZE,
      }).done();
    } catch (error) {
      body.destroy(); // stop reading the source when the service failed
      await this.deleteQuietly(stagingKey);
      throw sourceError ?? error;
    }
    if (sourceError !== undefined) {
      await this.deleteQuietly(stagingKey);
      throw sourceError;
    }
    const { sha256, size } = meter.digest();
    const key = this.keyOf(sha256);
    return {
      sha256,
      size,
      commit: async () => {
        if (!(await this.exists(key))) {
          if (size > MAX_COPY_BYTES)
            throw new DomainError(
              'evidence.too_large',
              `the file is ${size} bytes; the S3 store copies at most ${MAX_COPY_BYTES} bytes: lower the upload limit`,
            );
          await this.client.send(
            new CopyObjectCommand({
              Bucket: this.bucket,
              Key: key,
              CopySource: encodeKey(`${this.bucket}/${stagingKey}`),
            }),
          );
        }
        await this.deleteQuietly(stagingKey);
      },
      discard: () => this.deleteQuietly(stagingKey),
    };
  }

  /** Deletes a staged key; a failure only leaves a staged object behind, which `sweepStaging` collects later. */
  private async deleteQuietly(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })).catch(() => undefined);
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async open(sha256: string): Promise<Readable> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }),
      );
      if (!(object.Body instanceof Readable)) throw new Error('the S3 client returned no Node.js stream');
      return object.Body;
    } catch (error) {
      if (isNotFound(error)) throw contentMissing(sha256, this.location, error);
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    return isSha256(sha256) && (await this.exists(this.keyOf(sha256)));
  }

  async remove(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
  }

  /** Every object under a prefix, page by page. */
  private async *objects(prefix: string): AsyncIterable<_Object> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      yield* page.Contents ?? [];
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  async *list(): AsyncIterable<StoredContent> {
    for await (const object of this.objects(`${this.prefix}sha256/`)) {
      const name = object.Key?.split('/').at(-1) ?? '';
      if (!isSha256(name) || object.Key !== this.keyOf(name)) continue;
      yield { sha256: name, size: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) };
    }
  }

  async sweepStaging({ olderThanMs }: { readonly olderThanMs: number }): Promise<number> {
    const staging = `${this.prefix}staging/`;
    const cutoff = Date.now() - olderThanMs;
    const leftovers: string[] = [];
    for await (const object of this.objects(staging)) {
      const key = object.Key ?? '';
      const modified = object.LastModified?.getTime() ?? 0;
      if (key.startsWith(staging) && isStagingLeftover(key.slice(staging.length), modified, cutoff))
        leftovers.push(key);
    }
    // Single deletes rather than DeleteObjects: that call needs a Content-MD5 or checksum header that several
    // S3-compatible services handle differently.
    for (let i = 0; i < leftovers.length; i += DELETE_CONCURRENCY)
      await Promise.all(
        leftovers
          .slice(i, i + DELETE_CONCURRENCY)
          .map((Key) => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }))),
      );
    return leftovers.length;
  }

  close(): Promise<void> {
    this.client.destroy();
    return Promise.resolve();
  }
}
