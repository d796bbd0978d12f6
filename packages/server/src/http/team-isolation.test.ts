import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@mica-audit/core';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, PROFILE, type Harness, type TestOrg } from '../test/harness.ts';
import { multipartFile } from '../test/multipart.ts';
import { allRoutes } from './app.ts';
import { callRoute } from './isolation.fixtures.ts';
import { seedAssetAndFinding } from './risks.fixtures.ts';
import type { AnyRoute } from './route.ts';

// Auditors, contributors and reviewers see only the engagements whose team lists them (core's ENGAGEMENT_REACH).
const TEAM_BOUND = ['auditor', 'contributor', 'reviewer'] as const satisfies readonly Role[];
const INCIDENT = {
  title: 'Hot-wallet signer unreachable',
  occurredAt: '2026-11-02T07:30:00Z',
  awareAt: '2026-11-02T08:00:00Z',
  impact: { criticalServicesAffected: true },
};
// Ids that exist nowhere: an out-of-team engagement must answer exactly like these.
const MISSING: Record<string, string> = Object.fromEntries(
  [
    'engagementId',
    'assessmentId',
    'evidenceId',
    'assetId',
    'findingId',
    'riskId',
    'incidentId',
    'itemId',
    'reportId',
    'jobId',
    'name',
  ].map((k) => [k, `no-such-${k}`]),
);

/** Routes about one engagement or something that belongs to one. */
function engagementScoped(spec: AnyRoute): boolean {
  return (
    spec.url.includes(':engagementId') ||
    spec.url.includes('/evidence/:evidenceId') ||
    spec.url.includes('/comments/') ||
    spec.url.includes('/jobs/:jobId') ||
    (spec.url.endsWith('/evidence') && spec.method === 'POST')
  );
}

describe.each(DATABASE_KINDS)('engagement team isolation on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let urn = '';
  const inside: Record<string, string> = {};
  const outside: Record<string, string> = {};
  const test = it.skipIf(skipKind(kind));
  const api = () => `/api/organisations/${org.id}`;

  async function settled(jobId: string): Promise<{ status: string; result: { reportId: string } }> {
    for (let i = 0; i < 600; i += 1) {
      const job = (await h.request(org.tokens.admin, 'GET', `${api()}/jobs/${jobId}`)).json() as {
        status: string;
        result: { reportId: string };
      };
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  // An engagement with something in every register, created by the administrator.
  async function stock(entityId: string, team: readonly string[], ids: Record<string, string>) {
    const admin = org.tokens.admin;
    const created = await h.request(admin, 'POST', `${api()}/engagements`, { entityId, name: 'Audit', team });
    const engagementId = (created.json() as { id: string }).id;
    const base = `${api()}/engagements/${engagementId}`;
    const page = (await h.request(admin, 'GET', `${base}/assessments?pageSize=1`)).json() as {
      items: { id: string; requirementUrn: string }[];
    };
    urn = page.items[0]?.requirementUrn ?? '';
    const { payload, headers } = multipartFile('engagement evidence');
    const evidence = await h.workspace.app.inject({
      method: 'POST',
      url: `${api()}/evidence?engagementId=${engagementId}`,
      headers: { ...headers, authorization: `Bearer ${admin}` },
      payload,
    });
    const { assetId, findingId } = await seedAssetAndFinding(h, org.id, engagementId);
    const risk = await h.request(admin, 'POST', `${base}/risks`, {
      title: 'Key loss',
      assetIds: [assetId],
      threat: 'Insider',
      vulnerabilities: [],
      likelihood: 4,
      impact: 5,
      treatment: 'reduce',
      ownerId: null,
      nextReviewAt: '2030-01-01',
    });
    const incident = await h.request(admin, 'POST', `${base}/incidents`, INCIDENT);
    await h.request(admin, 'PATCH', `${base}/assessments/${page.items[0]?.id}`, {
      version: 1,
      status: 'non-compliant',
    });
    const plan = (await h.request(admin, 'POST', `${base}/action-plan/generate`, {})).json() as {
      items: { id: string }[];
    };
    await h.request(admin, 'POST', `${api()}/comments/engagement/${engagementId}`, { body: 'kick-off' });
    const report = await h.request(admin, 'POST', `${base}/reports`, { formats: ['json'], lang: 'en' });
    const { jobId } = report.json() as { jobId: string };
    const job = await settled(jobId);
    const manifest = (
      await h.request(admin, 'GET', `${base}/reports/${job.result.reportId}/manifest`)
    ).json() as { files: { file: string }[] };
    Object.assign(ids, {
      entityId,
      engagementId,
      assessmentId: page.items[0]?.id ?? '',
      evidenceId: evidence.json<{ id: string }>().id,
      assetId,
      findingId,
      riskId: (risk.json() as { id: string }).id,
      incidentId: (incident.json() as { id: string }).id,
      itemId: plan.items[0]?.id ?? '',
      reportId: job.result.reportId,
      name: manifest.files[0]?.file ?? '',
      jobId,
    });
    for (const [key, value] of Object.entries(ids)) if (value === '') throw new Error(`no ${key} seeded`);
  }

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('teams');
    const entity = await h.request(org.tokens.admin, 'POST', `${api()}/entities`, { profile: PROFILE });
    const entityId = (entity.json() as { id: string }).id;
    await stock(
      entityId,
      TEAM_BOUND.map((role) => org.userIds[role]),
      inside,
    );
    await stock(entityId, [org.userIds['lead-auditor']], outside);
  }, 240_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);

  const routes = allRoutes().filter(engagementScoped);
  // Comments are checked on every kind of target that belongs to an engagement.
  const targets = [
    ['engagement', 'engagementId'],
    ['assessment', 'assessmentId'],
    ['evidence', 'evidenceId'],
    ['finding', 'findingId'],
    ['risk', 'riskId'],
  ] as const;
  const variants = (spec: AnyRoute, ids: Record<string, string>): Record<string, string>[] =>
    spec.url.includes('/comments/')
      ? targets.map(([type, key]) => ({ ...ids, targetType: type, targetId: ids[key] ?? 'missing' }))
      : [ids];

  test('covers every engagement-scoped route', () => {
    expect(routes.length).toBeGreaterThanOrEqual(50);
  });

  test('answers an out-of-team member exactly as for an engagement that does not exist, and changes nothing', async () => {
    const log = async () =>
      (
        (await h.request(org.tokens.admin, 'GET', `${api()}/audit-log?pageSize=1`)).json() as {
          total: number;
        }
      ).total;
    const before = await log();
    const failures: string[] = [];
    for (const spec of routes)
      for (const role of TEAM_BOUND)
        for (const ids of variants(spec, outside)) {
          const token = org.tokens[role];
          const { url, response } = await callRoute(h, spec, org.id, ids, urn, token);
          const missingIds = {
            ...MISSING,
            ...(ids.targetType === undefined ? {} : { targetType: ids.targetType }),
          };
          const control = (await callRoute(h, spec, org.id, missingIds, urn, token)).response;
          const code = (r: typeof response) => r.json<{ error?: { code: string } }>().error?.code ?? 'none';
          const same = response.statusCode === control.statusCode && code(response) === code(control);
          // Reads are never forbidden to these roles, so an unseen engagement must be a plain 404.
          const expected = spec.method === 'GET' ? [404] : [403, 404];
          if (!same || !expected.includes(response.statusCode))
            failures.push(
              `${role} ${spec.method} ${url} → ${response.statusCode} ${code(response)} (unknown id: ${control.statusCode} ${code(control)})`,
            );
        }
    expect(failures).toEqual([]);
    expect(await log()).toBe(before);
  });

  test('serves the same routes to the team members of the engagement', async () => {
    const failures: string[] = [];
    for (const spec of routes.filter((r) => r.method === 'GET'))
      for (const role of TEAM_BOUND)
        for (const ids of variants(spec, inside)) {
          const { url, response } = await callRoute(h, spec, org.id, ids, urn, org.tokens[role]);
          if (response.statusCode >= 300) failures.push(`${role} GET ${url} → ${response.statusCode}`);
        }
    expect(failures).toEqual([]);
    // Writes follow each role's rights inside the team.
    const base = `${api()}/engagements/${inside.engagementId}`;
    const assessment = `${base}/assessments/${inside.assessmentId}`;
    const { version } = (await h.request(org.tokens.auditor, 'GET', assessment)).json() as {
      version: number;
    };
    expect(
      (await h.request(org.tokens.auditor, 'PATCH', assessment, { version, status: 'compliant' })).status,
    ).toBe(200);
    expect(
      (await h.request(org.tokens.reviewer, 'PATCH', assessment, { version, status: 'compliant' })).status,
    ).toBe(403);
    expect(
      (
        await h.request(
          org.tokens.contributor,
          'POST',
          `${api()}/comments/engagement/${inside.engagementId}`,
          {
            body: 'uploaded the policy',
          },
        )
      ).status,
    ).toBe(201);
  });

  test('lists only the team engagements and their evidence; leads and administrators see everything', async () => {
    const ids = async (token: string, url: string) =>
      ((await h.request(token, 'GET', url)).json() as { id: string }[]).map((e) => e.id);
    for (const role of TEAM_BOUND) {
      expect(await ids(org.tokens[role], `${api()}/engagements`)).toEqual([inside.engagementId]);
      const evidence = await ids(org.tokens[role], `${api()}/evidence`);
      expect(evidence).toContain(inside.evidenceId);
      expect(evidence).not.toContain(outside.evidenceId);
    }
    for (const role of ['admin', 'lead-auditor'] as const) {
      expect((await ids(org.tokens[role], `${api()}/engagements`)).sort()).toEqual(
        [inside.engagementId, outside.engagementId].sort(),
      );
      const engagement = await h.request(
        org.tokens[role],
        'GET',
        `${api()}/engagements/${inside.engagementId}`,
      );
      expect(engagement.status).toBe(200);
    }
  });

  test("shows a team-bound reviewer the organisation's entries and their own engagements' only", async () => {
    const entries = async (token: string) =>
      (
        (await h.request(token, 'GET', `${api()}/audit-log?pageSize=500`)).json() as {
          items: { entityType: string; entityId: string }[];
        }
      ).items;
    const everything = await entries(org.tokens.admin);
    const seen = await entries(org.tokens.reviewer);
    const about = (list: typeof seen, ids: Record<string, string>) =>
      list.filter((e) => Object.values(ids).includes(e.entityId) && e.entityType !== 'entity');
    expect(about(everything, outside).length).toBeGreaterThan(5);
    expect(about(seen, outside)).toEqual([]);
    expect(
      about(seen, inside)
        .map((e) => e.entityType)
        .sort(),
    ).toEqual(
      about(everything, inside)
        .map((e) => e.entityType)
        .sort(),
    );
    expect(seen.some((e) => e.entityType === 'membership')).toBe(true);
  });
});
