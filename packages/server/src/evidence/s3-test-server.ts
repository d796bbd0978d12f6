import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { S3EvidenceStore, type S3StoreOptions } from './s3-store.ts';

/** A real S3-compatible server (s3rver) on 127.0.0.1, a random port and a temporary folder, for tests. */
export interface TestS3 {
  readonly options: S3StoreOptions;
  /** The environment that selects this server through MICA_AUDIT_S3_* variables. */
  readonly env: Record<string, string>;
  /** A store on the bucket; each prefix is an independent store. */
  store(prefix?: string): S3EvidenceStore;
  stop(): Promise<void>;
}

export async function startTestS3(bucket = 'evidence'): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'mica-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver accepts this fixed key pair.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const options: S3StoreOptions = {
    bucket,
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials,
  };
  const stores: S3EvidenceStore[] = [];
  return {
    options,
    env: {
      MICA_AUDIT_S3_BUCKET: bucket,
      MICA_AUDIT_S3_ENDPOINT: endpoint,
      MICA_AUDIT_S3_REGION: 'us-east-1',
      MICA_AUDIT_S3_FORCE_PATH_STYLE: 'true',
      MICA_AUDIT_S3_ACCESS_KEY_ID: credentials.accessKeyId,
      MICA_AUDIT_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    store(prefix) {
      const store = new S3EvidenceStore({ ...options, prefix });
      stores.push(store);
      return store;
    },
    async stop() {
      for (const store of stores) await store.close();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
