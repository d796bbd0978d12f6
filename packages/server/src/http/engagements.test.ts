import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';

interface Page<T> {
  items: T[];
  total: number;
}
interface AssessmentJson {
  id: string;
  requirementUrn: string;
  status: string;
  version: number;
}

describe.each(DATABASE_KINDS)('workspace API: engagements and assessments on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let engagementId: string;
  const base = () => `/api/organisations/${org.id}`;

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('acme');
    ({ engagementId } = await seedEngagement(h, org));
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);
  const test = it.skipIf(skipKind(kind));

  test('creates an engagement with a pinned catalogue, assessments and permissions', async () => {
    const got = await h.request(org.tokens.reviewer, 'GET', `${base()}/engagements/${engagementId}`);
    expect(got.status).toBe(200);
    const engagement = got.json() as {
      catalogue: unknown[];
      assessments: Record<string, number>;
      permissions: string[];
      phase: string;
    };
    expect(engagement.catalogue.length).toBeGreaterThan(0);
    expect(engagement.assessments['not-assessed']).toBeGreaterThan(0);
    expect(engagement.permissions).toContain('engagement.read');
    expect(engagement.permissions).not.toContain('assessment.update');
    const scoping = (
      await h.request(org.tokens.auditor, 'GET', `${base()}/engagements/${engagementId}/scoping?lang=fr`)
    ).json() as {
      requirements: { applicable: boolean; reasons: string[] }[];
    };
    expect(scoping.requirements.some((r) => r.applicable)).toBe(true);
    expect(scoping.requirements.every((r) => r.reasons.length > 0)).toBe(true);
  });

  test('lists assessments with filter, sort and pagination', async () => {
    const all = (
      await h.request(
        org.tokens.auditor,
        'GET',
        `${base()}/engagements/${engagementId}/assessments?pageSize=5`,
      )
    ).json() as Page<AssessmentJson>;
    expect(all.items).toHaveLength(5);
    expect(all.total).toBeGreaterThan(5);
    const urns = all.items.map((a) => a.requirementUrn);
    expect([...urns].sort()).toEqual(urns);
    const last = (
      await h.request(
        org.tokens.auditor,
        'GET',
        `${base()}/engagements/${engagementId}/assessments?sort=-urn&pageSize=1`,
      )
    ).json() as Page<AssessmentJson>;
    expect((last.items[0]?.requirementUrn ?? '') >= (urns[4] ?? '')).toBe(true);
    const none = (
      await h.request(
        org.tokens.auditor,
        'GET',
        `${base()}/engagements/${engagementId}/assessments?status=compliant`,
      )
    ).json() as Page<AssessmentJson>;
    expect(none.total).toBe(0);
    const bad = await h.request(
      org.tokens.auditor,
      'GET',
      `${base()}/engagements/${engagementId}/assessments?status=great`,
    );
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: { message: string } }).error.message).toMatch(/^status\[0\]: /);
  });

  test('updates with the current version, refuses a stale one with 409 and the current state', async () => {
    const page = (
      await h.request(
        org.tokens.auditor,
        'GET',
        `${base()}/engagements/${engagementId}/assessments?pageSize=2`,
      )
    ).json() as Page<AssessmentJson>;
    const [first, second] = page.items as [AssessmentJson, AssessmentJson];
    const url = `${base()}/engagements/${engagementId}/assessments/${first.id}`;
    const ok = await h.request(org.tokens.auditor, 'PATCH', url, {
      version: first.version,
      status: 'compliant',
      maturity: 4,
      observation: 'Policy approved by the board.',
    });
    expect(ok.status).toBe(200);
    expect((ok.json() as AssessmentJson).version).toBe(first.version + 1);
    const stale = await h.request(org.tokens['lead-auditor'], 'PATCH', url, {
      version: first.version,
      status: 'non-compliant',
    });
    expect(stale.status).toBe(409);
    const conflict = stale.json() as { error: { code: string; current: AssessmentJson } };
    expect(conflict.error.code).toBe('assessment.version_conflict');
    expect(conflict.error.current).toMatchObject({ status: 'compliant', version: first.version + 1 });
    const reread = await h.request(org.tokens.reviewer, 'GET', url);
    expect(reread.json()).toMatchObject({
      id: first.id,
      status: 'compliant',
      maturity: 4,
      version: first.version + 1,
    });
    // Bulk: one stale change rolls the whole batch back.
    const bulk = await h.request(
      org.tokens.auditor,
      'PATCH',
      `${base()}/engagements/${engagementId}/assessments`,
      {
        changes: [
          { id: second.id, version: second.version, status: 'partially-compliant' },
          { id: first.id, version: first.version, status: 'not-applicable' },
        ],
      },
    );
    expect(bulk.status).toBe(409);
    const after = (
      await h.request(
        org.tokens.auditor,
        'GET',
        `${base()}/engagements/${engagementId}/assessments?pageSize=2`,
      )
    ).json() as Page<AssessmentJson>;
    expect(after.items[1]).toMatchObject({ status: 'not-assessed', version: second.version });
    const good = await h.request(
      org.tokens.auditor,
      'PATCH',
      `${base()}/engagements/${engagementId}/assessments`,
      {
        changes: [{ id: second.id, version: second.version, status: 'partially-compliant' }],
      },
    );
    expect(good.status).toBe(200);
  });

  test('moves an engagement to the next phase with its version, and refuses a stale version with 409', async () => {
    const url = `${base()}/engagements/${engagementId}`;
    const current = (await h.request(org.tokens.auditor, 'GET', url)).json() as { version: number };
    const auditor = await h.request(org.tokens.auditor, 'PATCH', url, {
      version: current.version,
      phase: 'assessment',
    });
    expect(auditor.status).toBe(403);
    const moved = await h.request(org.tokens['lead-auditor'], 'PATCH', url, {
      version: current.version,
      phase: 'assessment',
    });
    expect(moved.json()).toMatchObject({ phase: 'assessment', version: current.version + 1 });
    const stale = await h.request(org.tokens.admin, 'PATCH', url, {
      version: current.version,
      phase: 'closed',
    });
    expect(stale.status).toBe(409);
    expect((stale.json() as { error: { current: { phase: string } } }).error.current.phase).toBe(
      'assessment',
    );
    const stranger = await h.request(org.tokens.admin, 'PATCH', url, {
      version: current.version + 1,
      team: ['nobody'],
    });
    expect(stranger.status).toBe(400);
  });

  test('lets a reviewer read but not write, and an auditor not manage members', async () => {
    const page = (
      await h.request(
        org.tokens.reviewer,
        'GET',
        `${base()}/engagements/${engagementId}/assessments?pageSize=1`,
      )
    ).json() as Page<AssessmentJson>;
    const item = page.items[0] as AssessmentJson;
    const write = await h.request(
      org.tokens.reviewer,
      'PATCH',
      `${base()}/engagements/${engagementId}/assessments/${item.id}`,
      { version: item.version, status: 'compliant' },
    );
    expect(write.status).toBe(403);
    const member = await h.request(org.tokens.auditor, 'POST', `${base()}/members`, {
      email: 'x@y.test',
      name: 'X',
      role: 'admin',
    });
    expect(member.status).toBe(403);
  });

  test('lists the engagement registers', async () => {
    for (const register of ['assets', 'findings', 'risks', 'actions', 'incidents']) {
      const response = await h.request(
        org.tokens.reviewer,
        'GET',
        `${base()}/engagements/${engagementId}/${register}`,
      );
      expect(response.status).toBe(200);
      expect(response.json()).toMatchObject({ items: [], total: 0, page: 1 });
    }
  });

  test('comments on an assessment; reviewers read but cannot comment', async () => {
    const page = (
      await h.request(
        org.tokens.auditor,
        'GET',
        `${base()}/engagements/${engagementId}/assessments?pageSize=1`,
      )
    ).json() as Page<AssessmentJson>;
    const url = `${base()}/comments/assessment/${page.items[0]?.id ?? ''}`;
    expect(
      (await h.request(org.tokens.contributor, 'POST', url, { body: 'Policy v3 is attached as evidence.' }))
        .status,
    ).toBe(201);
    expect(
      (await h.request(org.tokens.reviewer, 'POST', url, { body: 'I would like to add something' })).status,
    ).toBe(403);
    expect((await h.request(org.tokens.reviewer, 'GET', url)).json()).toMatchObject([
      { body: 'Policy v3 is attached as evidence.', authorId: org.userIds.contributor },
    ]);
    expect(
      (await h.request(org.tokens.auditor, 'POST', `${base()}/comments/assessment/nope`, { body: 'x' }))
        .status,
    ).toBe(404);
    expect((await h.request(org.tokens.auditor, 'POST', url, { body: '   ' })).status).toBe(400);
  });

  test('records every write in the audit log, visible to the organisation', async () => {
    const log = (
      await h.request(org.tokens.reviewer, 'GET', `${base()}/audit-log?pageSize=100`)
    ).json() as Page<{ action: string; hash: string }>;
    const actions = log.items.map((e) => e.action);
    expect(actions).toContain('organisation.create');
    expect(actions).toContain('engagement.create');
    expect(actions).toContain('assessment.update');
    expect(log.items.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
  });
});
