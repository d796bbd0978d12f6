import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';
import { seedAssetAndFinding } from './risks.fixtures.ts';

interface RiskJson {
  id: string;
  version: number;
  aboveAppetite: boolean;
  overdue: boolean;
  treatment: string;
  rating: { inherent: { score: number; level: string }; residual: { score: number; level: string } };
}

describe.each(DATABASE_KINDS)('risk register API on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let other: TestOrg;
  let engagementId: string;
  let assetId: string;
  let findingId: string;
  let urn: string;
  const base = () => `/api/organisations/${org.id}/engagements/${engagementId}/risks`;
  const test = it.skipIf(skipKind(kind));
  const body = () => ({
    title: 'Loss of signing keys through insider collusion',
    assetIds: [assetId],
    threat: 'Insider collusion',
    vulnerabilities: [{ description: 'Weak quorum', findingIds: [findingId], failedRequirementUrns: [urn] }],
    likelihood: 4,
    impact: 5,
    controlEffectiveness: 50,
    treatment: 'reduce',
    ownerId: org.userIds.auditor,
    nextReviewAt: '2020-01-01',
  });

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('acme');
    other = await h.organisation('other');
    ({ engagementId } = await seedEngagement(h, org));
    ({ assetId, findingId } = await seedAssetAndFinding(h, org.id, engagementId));
    const page = (
      await h.request(
        org.tokens.admin,
        'GET',
        `/api/organisations/${org.id}/engagements/${engagementId}/assessments?pageSize=1`,
      )
    ).json() as { items: { requirementUrn: string }[] };
    urn = page.items[0]?.requirementUrn ?? '';
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);

  test('creates a risk with core ratings, appetite and overdue flags; lists and maps it', async () => {
    const created = await h.request(org.tokens.auditor, 'POST', base(), body());
    expect(created.status).toBe(201);
    const risk = created.json() as RiskJson;
    // 4 × 5 = 20 inherent (critical); 50 % effective controls: likelihood ceil(4 × 0.5) = 2, residual 2 × 5 = 10 (high).
    expect(risk.rating.inherent).toMatchObject({ score: 20, level: 'critical' });
    expect(risk.rating.residual).toMatchObject({ score: 10, level: 'high' });
    expect(risk).toMatchObject({ aboveAppetite: true, overdue: true, version: 1 });
    const list = (await h.request(org.tokens.reviewer, 'GET', `${base()}?aboveAppetite=true`)).json() as {
      items: RiskJson[];
      total: number;
      appetite: number;
      assets: Record<string, { id: string }[]>;
    };
    expect(list).toMatchObject({ total: 1, appetite: 9 });
    expect(list.assets['it-system']?.map((a) => a.id)).toEqual([assetId]);
    const map = (await h.request(org.tokens.reviewer, 'GET', `${base()}/heat-map`)).json() as {
      residual: { likelihood: number; impact: number; riskIds: string[] }[];
    };
    expect(map.residual).toHaveLength(25);
    expect(map.residual.find((c) => c.likelihood === 2 && c.impact === 5)?.riskIds).toEqual([risk.id]);
  });

  test('requires a sign-off to accept, rejects unknown references and residual above inherent', async () => {
    const accept = await h.request(org.tokens.auditor, 'POST', base(), { ...body(), treatment: 'accept' });
    expect(accept.status).toBe(400);
    const unknownAsset = await h.request(org.tokens.auditor, 'POST', base(), {
      ...body(),
      assetIds: ['nope'],
    });
    expect(unknownAsset.status).toBe(400);
    expect((unknownAsset.json() as { error: { message: string } }).error.message).toMatch(/^assetIds\[0\]: /);
    const above = await h.request(org.tokens.auditor, 'POST', base(), {
      ...body(),
      residual: { likelihood: 5, impact: 5 },
    });
    expect(above.status).toBe(400);
    const missing = await h.request(org.tokens.auditor, 'POST', base(), { ...body(), threat: undefined });
    expect((missing.json() as { error: { message: string } }).error.message).toMatch(/^threat: /);
    const signed = await h.request(org.tokens.auditor, 'POST', base(), {
      ...body(),
      treatment: 'accept',
      acceptance: { by: 'CEO', at: '2026-11-20', rationale: 'Insurance covers it' },
    });
    expect(signed.status).toBe(201);
  });

  test('updates with version, answers 409 with the current state, deletes', async () => {
    const risk = (await h.request(org.tokens.auditor, 'POST', base(), body())).json() as RiskJson;
    const url = `${base()}/${risk.id}`;
    const updated = await h.request(org.tokens.auditor, 'PATCH', url, {
      version: 1,
      nextReviewAt: '2099-01-01',
      residual: { likelihood: 1, impact: 5 },
    });
    expect(updated.status).toBe(200);
    expect(updated.json()).toMatchObject({
      version: 2,
      overdue: false,
      aboveAppetite: false,
      threat: 'Insider collusion',
    });
    const stale = await h.request(org.tokens.auditor, 'PATCH', url, { version: 1, title: 'Lost update' });
    expect(stale.status).toBe(409);
    expect((stale.json() as { error: { current: RiskJson } }).error.current.version).toBe(2);
    expect((await h.request(org.tokens.auditor, 'DELETE', `${url}?version=1`)).status).toBe(409);
    expect((await h.request(org.tokens.auditor, 'DELETE', `${url}?version=2`)).status).toBe(200);
    expect((await h.request(org.tokens.auditor, 'GET', url)).status).toBe(404);
  });

  test('sets the matrix and appetite, refusing a matrix that strands a risk', async () => {
    const url = `${base()}/matrix`;
    expect((await h.request(org.tokens.reviewer, 'GET', url)).json()).toMatchObject({
      appetite: 9,
      custom: false,
    });
    const small = {
      likelihood: ['low', 'medium', 'high'],
      impact: ['low', 'medium', 'high'],
      bands: [
        { level: 'low', min: 1 },
        { level: 'high', min: 4 },
      ],
    };
    const stranded = await h.request(org.tokens.auditor, 'PUT', url, { matrix: small, appetite: null });
    expect(stranded.status).toBe(400);
    expect((stranded.json() as { error: { code: string } }).error.code).toBe('risk.matrix_strands_risk');
    expect((await h.request(org.tokens.reviewer, 'PUT', url, { matrix: null, appetite: 25 })).status).toBe(
      403,
    );
    const tolerant = await h.request(org.tokens.auditor, 'PUT', url, { matrix: null, appetite: 25 });
    expect(tolerant.json()).toMatchObject({ appetite: 25, custom: true });
    const list = (await h.request(org.tokens.reviewer, 'GET', base())).json() as { items: RiskJson[] };
    expect(list.items.every((r) => !r.aboveAppetite)).toBe(true);
    await h.request(org.tokens.auditor, 'PUT', url, { matrix: null, appetite: null });
    expect((await h.request(other.tokens.admin, 'GET', url)).status).toBe(404);
  });

  test('lists rows written before the register was writable, on neutral defaults', async () => {
    await h.workspace.database.db
      .insertInto('risks')
      .values({
        id: 'legacy-risk',
        organisation_id: org.id,
        engagement_id: engagementId,
        title: 'Seeded without detail',
        likelihood: 9,
        impact: 3,
        treatment: 'mitigate',
        owner_id: null,
        detail: '{}',
      })
      .execute();
    const legacy = await h.request(org.tokens.reviewer, 'GET', `${base()}/legacy-risk`);
    expect(legacy.status).toBe(200);
    expect(legacy.json()).toMatchObject({
      treatment: 'reduce',
      threat: 'Seeded without detail',
      overdue: false,
    });
    expect((legacy.json() as RiskJson).rating.inherent.score).toBe(15);
  });

  test('keeps reviewers read-only and other organisations out', async () => {
    expect((await h.request(org.tokens.reviewer, 'POST', base(), body())).status).toBe(403);
    expect((await h.request(org.tokens.contributor, 'POST', base(), body())).status).toBe(403);
    for (const token of [other.tokens.admin, other.tokens.reviewer]) {
      expect((await h.request(token, 'GET', base())).status).toBe(404);
      expect((await h.request(token, 'GET', `${base()}/heat-map`)).status).toBe(404);
      expect((await h.request(token, 'POST', base(), body())).status).toBe(404);
    }
    const risk = (await h.request(org.tokens.auditor, 'POST', base(), body())).json() as RiskJson;
    const foreign = `/api/organisations/${other.id}/engagements/${engagementId}/risks/${risk.id}`;
    expect((await h.request(other.tokens.admin, 'PATCH', foreign, { version: 1, title: 'x' })).status).toBe(
      404,
    );
    expect((await h.request(other.tokens.admin, 'DELETE', foreign)).status).toBe(404);
  });
});
