import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../../test/harness.ts';

interface AssetJson {
  id: string;
  name: string;
  kind: string;
  key: string | null;
  criticality: string;
  version: number;
}

describe.each(DATABASE_KINDS)('assets on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let other: TestOrg;
  let engagementId: string;
  const test = it.skipIf(skipKind(kind));
  const base = () => `/api/organisations/${org.id}/engagements/${engagementId}/assets`;

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('assets');
    other = await h.organisation('assets-other');
    ({ engagementId } = await seedEngagement(h, org));
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h.close();
  }, 120_000);

  test('creates, reads, lists, edits at a version and deletes', async () => {
    const created = await h.request(org.tokens.auditor, 'POST', base(), {
      name: 'Hot wallet',
      kind: 'application',
      key: 'hot-wallet',
      criticality: 'high',
    });
    expect(created.status).toBe(201);
    const asset = created.json() as AssetJson;
    expect(asset).toMatchObject({ name: 'Hot wallet', key: 'hot-wallet', version: 1 });
    const duplicate = await h.request(org.tokens.auditor, 'POST', base(), {
      name: 'x',
      kind: 'application',
      key: 'hot-wallet',
    });
    expect(duplicate.status).toBe(409);
    expect((await h.request(org.tokens.reviewer, 'GET', `${base()}/${asset.id}`)).json()).toMatchObject({
      id: asset.id,
    });
    const page = (
      await h.request(org.tokens.reviewer, 'GET', `${base()}?q=wallet&kind=application`)
    ).json() as {
      total: number;
    };
    expect(page.total).toBe(1);
    const edited = await h.request(org.tokens.auditor, 'PATCH', `${base()}/${asset.id}`, {
      version: 1,
      criticality: 'critical',
    });
    expect(edited.json()).toMatchObject({ criticality: 'critical', version: 2 });
    const stale = await h.request(org.tokens.auditor, 'PATCH', `${base()}/${asset.id}`, {
      version: 1,
      name: 'y',
    });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({
      error: { code: 'asset.version_conflict', current: { version: 2 } },
    });
    expect((await h.request(org.tokens.auditor, 'DELETE', `${base()}/${asset.id}?version=1`)).status).toBe(
      409,
    );
    expect((await h.request(org.tokens.auditor, 'DELETE', `${base()}/${asset.id}?version=2`)).status).toBe(
      200,
    );
    expect((await h.request(org.tokens.auditor, 'GET', `${base()}/${asset.id}`)).status).toBe(404);
  });

  test('lets exactly one of concurrent edits at the same version win, with one audit entry', async () => {
    const asset = (
      await h.request(org.tokens.auditor, 'POST', base(), { name: 'Race', kind: 'application', key: 'race' })
    ).json() as AssetJson;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        h.request(org.tokens.auditor, 'PATCH', `${base()}/${asset.id}`, { version: 1, name: `Race ${i}` }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const updates = await h.workspace.database.db
      .selectFrom('audit_log')
      .select('seq')
      .where('entity_id', '=', asset.id)
      .where('action', '=', 'asset.update')
      .execute();
    expect(updates.length).toBe(1);
  });

  test('validates bodies; reviewers cannot write; other organisations get 404', async () => {
    const bad = await h.request(org.tokens.auditor, 'POST', base(), { kind: 'application' });
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: { message: string } }).error.message).toMatch(/^name/);
    expect((await h.request(org.tokens.reviewer, 'POST', base(), { name: 'a', kind: 'host' })).status).toBe(
      403,
    );
    const asset = (
      await h.request(org.tokens.auditor, 'POST', base(), { name: 'db', kind: 'host' })
    ).json() as AssetJson;
    const token = other.tokens.admin;
    expect((await h.request(token, 'GET', base())).status).toBe(404);
    expect((await h.request(token, 'GET', `${base()}/${asset.id}`)).status).toBe(404);
    expect((await h.request(token, 'PATCH', `${base()}/${asset.id}`, { version: 1, name: 'x' })).status).toBe(
      404,
    );
    expect((await h.request(token, 'DELETE', `${base()}/${asset.id}?version=1`)).status).toBe(404);
    expect((await h.request(token, 'POST', base(), { name: 'a', kind: 'host' })).status).toBe(404);
    const foreign = `/api/organisations/${other.id}/engagements/${engagementId}/assets/${asset.id}`;
    expect((await h.request(token, 'GET', foreign)).status).toBe(404);
  });
});
