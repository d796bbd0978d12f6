import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';
import { multipartFile } from '../test/multipart.ts';

const LIMIT = 64 * 1024;

interface EvidenceJson {
  id: string;
  sha256: string;
  size: number;
  version: number;
  previousId: string | null;
  requirementUrns: string[];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe.each(DATABASE_KINDS)('evidence on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let engagementId: string;
  let urn: string;
  const test = it.skipIf(skipKind(kind));

  async function upload(token: string, content: Buffer | string, query = '', fileName = 'policy.pdf') {
    const { payload, headers } = multipartFile(content, fileName);
    const response = await h.workspace.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/evidence?engagementId=${engagementId}${query}`,
      headers: { ...headers, authorization: `Bearer ${token}` },
      payload,
    });
    return {
      status: response.statusCode,
      json: () => response.json<EvidenceJson & { error: { code: string } }>(),
    };
  }

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind, { uploadLimit: LIMIT });
    org = await h.organisation('evidence');
    ({ engagementId } = await seedEngagement(h, org));
    const page = (
      await h.request(
        org.tokens.auditor,
        'GET',
        `/api/organisations/${org.id}/engagements/${engagementId}/assessments?pageSize=1`,
      )
    ).json() as {
      items: { requirementUrn: string }[];
    };
    urn = page.items[0]?.requirementUrn ?? '';
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);

  test('stores an upload content-addressed with its SHA-256, and downloads it as an attachment', async () => {
    const content = 'Custody policy v1\n'.repeat(100);
    const created = await upload(
      org.tokens.contributor,
      content,
      '&title=Custody%20policy&effectiveDate=2026-01-01&expiryDate=2027-01-01',
    );
    expect(created.status).toBe(201);
    const evidence = created.json();
    expect(evidence.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(evidence.size).toBe(Buffer.byteLength(content));
    const stored = await filesUnder(join(h.dataDir, 'evidence', 'sha256'));
    expect(stored.map((p) => p.split('/').at(-1))).toContain(evidence.sha256);
    const download = await h.workspace.app.inject({
      method: 'GET',
      url: `/api/organisations/${org.id}/evidence/${evidence.id}/content`,
      headers: { authorization: `Bearer ${org.tokens.reviewer}` },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="policy.pdf"/);
    expect(download.body).toBe(content);
  });

  test('links and unlinks evidence to requirements, and versions it', async () => {
    const first = (await upload(org.tokens.auditor, 'register of client assets')).json();
    const linkUrl = `/api/organisations/${org.id}/evidence/${first.id}/links`;
    const linked = await h.request(org.tokens.auditor, 'POST', linkUrl, { requirementUrn: urn });
    expect((linked.json() as EvidenceJson).requirementUrns).toEqual([urn]);
    const unknown = await h.request(org.tokens.auditor, 'POST', linkUrl, {
      requirementUrn: 'urn:mica-audit:nope',
    });
    expect(unknown.status).toBe(400);
    const next = (
      await upload(org.tokens.auditor, 'register of client assets, v2', `&previousId=${first.id}`)
    ).json();
    expect(next).toMatchObject({ version: 2, previousId: first.id, requirementUrns: [urn] });
    const fork = await upload(org.tokens.auditor, 'a fork of version 1', `&previousId=${first.id}`);
    expect(fork.status).toBe(409);
    const byUrn = (
      await h.request(
        org.tokens.reviewer,
        'GET',
        `/api/organisations/${org.id}/evidence?requirementUrn=${encodeURIComponent(urn)}`,
      )
    ).json() as EvidenceJson[];
    expect(byUrn.map((e) => e.id).sort()).toEqual([first.id, next.id].sort());
    const unlinked = await h.request(
      org.tokens.auditor,
      'DELETE',
      `${linkUrl}?requirementUrn=${encodeURIComponent(urn)}`,
    );
    expect((unlinked.json() as EvidenceJson).requirementUrns).toEqual([]);
  });

  test('refuses an upload over the limit with 413 and stores nothing', async () => {
    const before = await filesUnder(join(h.dataDir, 'evidence'));
    const rows = async () =>
      (await h.workspace.database.db.selectFrom('evidence').select('id').execute()).length;
    const count = await rows();
    const streamed = await upload(org.tokens.contributor, Buffer.alloc(LIMIT + 1, 1));
    expect(streamed.status).toBe(413);
    expect(streamed.json().error.code).toBe('evidence.too_large');
    const declared = await upload(org.tokens.contributor, Buffer.alloc(LIMIT * 3, 2));
    expect(declared.status).toBe(413);
    expect(await filesUnder(join(h.dataDir, 'evidence'))).toEqual(before);
    expect(await rows()).toBe(count);
  });

  test('refuses a reviewer upload before storing anything', async () => {
    const before = await filesUnder(join(h.dataDir, 'evidence'));
    expect((await upload(org.tokens.reviewer, 'not allowed')).status).toBe(403);
    expect(await filesUnder(join(h.dataDir, 'evidence'))).toEqual(before);
  });

  test('leaves no file behind when the database refuses the row', async () => {
    const before = await filesUnder(join(h.dataDir, 'evidence'));
    const { payload, headers } = multipartFile('orphan candidate');
    const response = await h.workspace.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.id}/evidence?engagementId=does-not-exist`,
      headers: { ...headers, authorization: `Bearer ${org.tokens.auditor}` },
      payload,
    });
    expect(response.statusCode).toBe(404);
    expect(await filesUnder(join(h.dataDir, 'evidence'))).toEqual(before);
  });
});
