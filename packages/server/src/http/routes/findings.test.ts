import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../../test/harness.ts';
import { importAndWait, sarif } from './imports-test-helpers.ts';

interface FindingJson {
  id: string;
  version: number;
  status: string;
  ruleId: string;
  severity: string;
  requirementUrns: string[];
  statusHistory: { status: string; reason?: string }[];
}
interface Page {
  total: number;
  items: FindingJson[];
}

describe.each(DATABASE_KINDS)('findings on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let other: TestOrg;
  let engagementId: string;
  let finding: FindingJson;
  const test = it.skipIf(skipKind(kind));
  const base = () => `/api/organisations/${org.id}/engagements/${engagementId}/findings`;
  const list = async (query = '') =>
    (await h.request(org.tokens.reviewer, 'GET', `${base()}${query}`)).json() as Page;

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('findings');
    other = await h.organisation('findings-other');
    ({ engagementId } = await seedEngagement(h, org));
    const job = await importAndWait(
      h.workspace.app,
      org.tokens.auditor,
      `/api/organisations/${org.id}/engagements/${engagementId}/imports`,
      [
        { name: 'a.sarif', content: sarif(['f1', 'f2', 'f3']) },
        { name: 'b.sarif', content: sarif(['g1'], 'other-scanner') },
      ],
    );
    expect(job.status).toBe('done');
    finding = (await list('?tool=unit-scanner')).items[0] as FindingJson;
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h.close();
  }, 120_000);

  test('lists with filters and pagination', async () => {
    expect((await list()).total).toBe(4);
    expect((await list('?tool=other-scanner')).items.map((f) => f.ruleId)).toEqual(['g1']);
    expect((await list('?severity=high,critical')).total).toBe(4);
    expect((await list('?severity=low')).total).toBe(0);
    expect((await list('?auditType=code-review')).total).toBe(4);
    expect((await list('?status=open&pageSize=2&page=2')).items).toHaveLength(2);
    expect((await list('?asset=nowhere')).total).toBe(0);
    const urn = finding.requirementUrns[0] ?? '';
    expect((await list(`?requirementUrn=${encodeURIComponent(urn)}`)).total).toBe(4);
    const bad = await h.request(org.tokens.reviewer, 'GET', `${base()}?severity=urgent`);
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: { message: string } }).error.message).toMatch(/^severity/);
  });

  test('sorts by a column in either direction, and lists the filter choices with counts', async () => {
    const titles = (await list('?sort=title')).items.map((f) => f.ruleId);
    expect(titles).toEqual(['f1', 'f2', 'f3', 'g1']);
    expect((await list('?sort=-title')).items.map((f) => f.ruleId)).toEqual(['g1', 'f3', 'f2', 'f1']);
    expect((await list('?sort=tool&pageSize=1')).items.map((f) => f.ruleId)).toEqual(['g1']);
    expect((await list('?sort=-tool&severity=high&pageSize=1&page=4')).items.map((f) => f.ruleId)).toEqual([
      'g1',
    ]);
    expect((await list('?q=F2')).items.map((f) => f.ruleId)).toEqual(['f2']);
    expect((await list('?q=%25')).total).toBe(0);
    expect((await list('?q=_1')).total).toBe(0);
    const bad = await h.request(org.tokens.reviewer, 'GET', `${base()}?sort=colour`);
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: { message: string } }).error.message).toMatch(/^sort/);
    const facets = (await h.request(org.tokens.reviewer, 'GET', `${base()}/facets`)).json() as {
      total: number;
      tools: { value: string; count: number }[];
      severities: { value: string; count: number }[];
      statuses: { value: string; count: number }[];
      assets: { value: string; label: string; count: number }[];
    };
    expect(facets.total).toBe(4);
    expect(facets.tools.map((t) => [t.value, t.count])).toEqual([
      ['other-scanner', 1],
      ['unit-scanner', 3],
    ]);
    expect(facets.severities).toEqual([{ value: 'high', label: 'high', count: 4 }]);
    expect(facets.statuses.map((t) => [t.value, t.count])).toEqual([['open', 4]]);
    expect(facets.assets.reduce((n, a) => n + a.count, 0)).toBe(4);
    const asset = facets.assets[0];
    expect((await list(`?asset=${encodeURIComponent(asset?.value ?? '')}`)).total).toBe(asset?.count);
    expect((await h.request(other.tokens.admin, 'GET', `${base()}/facets`)).status).toBe(404);
  });

  test('sets a status with history; a stale version gets 409 with the current state', async () => {
    const url = `${base()}/${finding.id}`;
    const ok = await h.request(org.tokens.auditor, 'PATCH', url, {
      version: finding.version,
      status: 'false-positive',
      reason: 'test fixture',
    });
    expect(ok.status).toBe(200);
    const after = ok.json() as FindingJson;
    expect(after).toMatchObject({ status: 'false-positive', version: finding.version + 1 });
    expect(after.statusHistory.at(-1)).toMatchObject({ status: 'false-positive', reason: 'test fixture' });
    const stale = await h.request(org.tokens.auditor, 'PATCH', url, {
      version: finding.version,
      status: 'open',
    });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({
      error: { code: 'finding.version_conflict', current: { status: 'false-positive' } },
    });
    expect(
      (await h.request(org.tokens.reviewer, 'PATCH', url, { version: after.version, status: 'open' })).status,
    ).toBe(403);
    const bad = await h.request(org.tokens.auditor, 'PATCH', url, { version: after.version, status: 'gone' });
    expect(bad.status).toBe(400);
  });

  test('lets exactly one of concurrent status changes at the same version win', async () => {
    const url = `${base()}/${finding.id}`;
    const current = (await h.request(org.tokens.auditor, 'GET', url)).json() as FindingJson;
    const answers = await Promise.all(
      ['open', 'accepted', 'false-positive', 'open', 'accepted', 'false-positive'].map((status) =>
        h.request(org.tokens.auditor, 'PATCH', url, { version: current.version, status, reason: 'race' }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const after = (await h.request(org.tokens.auditor, 'GET', url)).json() as FindingJson;
    expect(after.version).toBe(current.version + 1);
    expect(after.statusHistory.length).toBe(current.statusHistory.length + 1);
  });

  test('links and unlinks requirement urns, checked against the catalogue', async () => {
    const url = `${base()}/${finding.id}/requirements`;
    const urn = 'urn:mica-audit:mica:art-75:1';
    const linked = await h.request(org.tokens.auditor, 'POST', url, { requirementUrn: urn });
    expect(linked.status).toBe(200);
    expect((linked.json() as FindingJson).requirementUrns).toContain(urn);
    expect((await list(`?requirementUrn=${encodeURIComponent(urn)}`)).items.map((f) => f.id)).toEqual([
      finding.id,
    ]);
    const unknown = await h.request(org.tokens.auditor, 'POST', url, { requirementUrn: 'urn:nope:x' });
    expect(unknown.status).toBe(400);
    const unlinked = await h.request(
      org.tokens.auditor,
      'DELETE',
      `${url}?requirementUrn=${encodeURIComponent(urn)}`,
    );
    expect((unlinked.json() as FindingJson).requirementUrns).not.toContain(urn);
    const again = await h.request(
      org.tokens.auditor,
      'DELETE',
      `${url}?requirementUrn=${encodeURIComponent(urn)}`,
    );
    expect(again.status).toBe(404);
  });

  test('other organisations get 404 on every route', async () => {
    const token = other.tokens.admin;
    const one = `${base()}/${finding.id}`;
    expect((await h.request(token, 'GET', base())).status).toBe(404);
    expect((await h.request(token, 'GET', one)).status).toBe(404);
    expect((await h.request(token, 'PATCH', one, { version: 1, status: 'open' })).status).toBe(404);
    expect(
      (
        await h.request(token, 'POST', `${one}/requirements`, {
          requirementUrn: 'urn:mica-audit:mica:art-75:1',
        })
      ).status,
    ).toBe(404);
    const foreign = `/api/organisations/${other.id}/engagements/${engagementId}/findings/${finding.id}`;
    expect((await h.request(token, 'GET', foreign)).status).toBe(404);
  });
});
