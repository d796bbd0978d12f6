import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../auth/tokens.ts';
import { createUser } from '../auth/users.ts';
import { openWorkspace, type Workspace } from '../server.ts';
import { freshDatabase } from '../test/databases.ts';
import { catalogue } from '../test/harness.ts';
import { multipartFile } from '../test/multipart.ts';
import { startTestS3, type TestS3 } from './s3-test-server.ts';
import { storedHashes } from './store.ts';

const LIMIT = 64 * 1024;

describe('evidence upload and download through the API, stored in S3', () => {
  let s3: TestS3;
  let dataDir: string;
  let workspace: Workspace;
  let token: string;
  let orgId: string;

  beforeAll(async () => {
    s3 = await startTestS3();
    dataDir = await mkdtemp(join(tmpdir(), 'mica-s3-api-'));
    workspace = await openWorkspace({
      dataDir,
      database: await freshDatabase('pglite'),
      catalogue: await catalogue(),
      store: s3.store('api/'),
      uploadLimit: LIMIT,
    });
    const userId = await createUser(workspace.database.db, {
      email: 'lead@s3.test',
      name: 'Lead',
      password: 'correct horse battery',
    });
    token = (await createApiToken(workspace.database.db, userId, 'test')).token;
    const org = await workspace.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'S3 Org' },
    });
    orgId = org.json<{ id: string }>().id;
  }, 120_000);
  afterAll(async () => {
    await workspace.close();
    await s3.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  async function upload(content: Buffer, query = '') {
    const { payload, headers } = multipartFile(content, 'custody policy.pdf');
    return workspace.app.inject({
      method: 'POST',
      url: `/api/organisations/${orgId}/evidence${query}`,
      headers: { ...headers, authorization: `Bearer ${token}` },
      payload,
    });
  }

  it('streams the upload into the bucket, serves it back, and stores identical content once', async () => {
    const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20_000, 0x41)]);
    const created = await upload(content);
    expect(created.statusCode).toBe(201);
    const evidence = created.json<{ id: string; sha256: string; size: number }>();
    expect(evidence.size).toBe(content.length);
    const store = workspace.services.store;
    expect(await storedHashes(store)).toEqual([evidence.sha256]);

    const download = await workspace.app.inject({
      method: 'GET',
      url: `/api/organisations/${orgId}/evidence/${evidence.id}/content`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers.etag).toBe(`"${evidence.sha256}"`);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="custody policy.pdf"/);

    const again = await upload(content);
    expect(again.statusCode).toBe(201);
    expect(again.json<{ sha256: string }>().sha256).toBe(evidence.sha256);
    expect(await storedHashes(store)).toEqual([evidence.sha256]);
    expect(await store.sweepStaging({ olderThanMs: 0 })).toBe(0);
  });

  it('keeps nothing in the bucket for a refused or oversized upload', async () => {
    const store = workspace.services.store;
    const before = await storedHashes(store);
    expect((await upload(Buffer.from('for a missing engagement'), '?engagementId=nope')).statusCode).toBe(
      404,
    );
    const oversized = await upload(Buffer.alloc(LIMIT + 1024, 0x42));
    expect(oversized.statusCode).toBe(413);
    expect(oversized.json<{ error: { code: string } }>().error.code).toBe('evidence.too_large');
    expect(await storedHashes(store)).toEqual(before);
    expect(await store.sweepStaging({ olderThanMs: 0 })).toBe(0);
  });
});
