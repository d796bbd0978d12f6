import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceStoreSettings, openEvidenceStore } from './config.ts';
import { startTestS3, type TestS3 } from './s3-test-server.ts';
import { describeEvidenceStoreContract } from './store.case.ts';
import { storedHashes } from './store.ts';

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
}, 30_000);
afterAll(async () => {
  await s3.stop();
});

// Every test gets its own prefix of the bucket: an independent, empty store.
describeEvidenceStoreContract('s3', () =>
  Promise.resolve({ store: s3.store(`t-${randomUUID()}`), cleanup: () => Promise.resolve() }),
);

describe('S3 store layout and configuration', () => {
  it('keeps content under <prefix>sha256/ab/<hash>, each prefix apart', async () => {
    const a = s3.store('tenant-a/');
    const b = s3.store('tenant-b');
    const staged = await a.stage(Readable.from([Buffer.from('prefixed')]));
    await staged.commit();
    expect(a.location).toBe('s3://evidence/tenant-a/');
    expect(b.location).toBe('s3://evidence/tenant-b/');
    expect(await storedHashes(a)).toEqual([staged.sha256]);
    expect(await storedHashes(b)).toEqual([]);
    const bare = s3.store();
    expect(await bare.has(staged.sha256)).toBe(false);
  });

  it('opens from MICA_AUDIT_S3_* variables and checks the bucket first', async () => {
    const settings = evidenceStoreSettings({ kind: 's3', dataDir: '/unused', env: s3.env });
    const store = await openEvidenceStore(settings);
    try {
      expect(store.location).toBe('s3://evidence/');
    } finally {
      await store.close();
    }
    const missing = evidenceStoreSettings({
      kind: 's3',
      dataDir: '/unused',
      env: { ...s3.env, MICA_AUDIT_S3_BUCKET: 'no-such-bucket' },
    });
    await expect(openEvidenceStore(missing)).rejects.toMatchObject({
      code: 'evidence_store.unreachable',
      message: expect.stringContaining('the bucket does not exist') as unknown,
    });
  });
});
