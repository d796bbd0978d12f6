import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';

interface AssessmentJson {
  id: string;
  requirementUrn: string;
  assigneeId: string | null;
  assessorId: string | null;
  status: string;
  version: number;
}
interface Page<T> {
  items: T[];
  total: number;
}
interface ErrorJson {
  error: { code: string; message: string };
}

describe.each(DATABASE_KINDS)('assessment assignees on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let url: string;
  let items: AssessmentJson[];
  let total: number;

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('assign');
    const { engagementId } = await seedEngagement(h, org);
    // A team of two, so the reviewer and the contributor are organisation members outside it.
    const engagementUrl = `/api/organisations/${org.id}/engagements/${engagementId}`;
    const { version } = (await h.request(org.tokens.admin, 'GET', engagementUrl)).json() as {
      version: number;
    };
    const staffed = await h.request(org.tokens.admin, 'PATCH', engagementUrl, {
      version,
      team: [org.userIds['lead-auditor'], org.userIds.auditor],
    });
    if (staffed.status !== 200) throw new Error(`team: ${staffed.status} ${staffed.body}`);
    url = `${engagementUrl}/assessments`;
    const page = (
      await h.request(org.tokens.auditor, 'GET', `${url}?pageSize=4`)
    ).json() as Page<AssessmentJson>;
    items = page.items;
    total = page.total;
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);
  const test = it.skipIf(skipKind(kind));
  const list = async (token: string, query: string) =>
    (await h.request(token, 'GET', `${url}?pageSize=500&${query}`)).json() as Page<AssessmentJson>;

  test('a new assessment is unassigned', () => {
    expect(items).toHaveLength(4);
    for (const a of items) expect(a.assigneeId).toBeNull();
  });

  test('assigns to a team member without making the assigner the assessor, audit-logged', async () => {
    const [first] = items as [AssessmentJson];
    const saved = await h.request(org.tokens['lead-auditor'], 'PATCH', `${url}/${first.id}`, {
      version: first.version,
      assigneeId: org.userIds.auditor,
    });
    expect(saved.status).toBe(200);
    const after = saved.json() as AssessmentJson;
    expect(after).toMatchObject({ assigneeId: org.userIds.auditor, assessorId: null });
    expect(after.version).toBe(first.version + 1);
    const log = (
      await h.request(org.tokens.admin, 'GET', `/api/organisations/${org.id}/audit-log?entityId=${first.id}`)
    ).json() as Page<{ action: string; actorId: string; before: AssessmentJson; after: AssessmentJson }>;
    expect(log.items[0]).toMatchObject({
      action: 'assessment.update',
      actorId: org.userIds['lead-auditor'],
      before: { assigneeId: null },
      after: { assigneeId: org.userIds.auditor },
    });
    items[0] = after;
  });

  test('refuses an organisation member outside the team, naming the field', async () => {
    const second = items[1] as AssessmentJson;
    const refused = await h.request(org.tokens['lead-auditor'], 'PATCH', `${url}/${second.id}`, {
      version: second.version,
      assigneeId: org.userIds.reviewer,
    });
    expect(refused.status).toBe(400);
    const body = refused.json() as ErrorJson;
    expect(body.error.code).toBe('assessment.assignee_not_in_team');
    expect(body.error.message).toMatch(/^assigneeId: /);
    const unknown = await h.request(org.tokens['lead-auditor'], 'PATCH', `${url}/${second.id}`, {
      version: second.version,
      assigneeId: 'no-such-user',
    });
    expect(unknown.status).toBe(400);
  });

  test('bulk assignment is all or nothing and names the bad change', async () => {
    const [, second, third] = items as [AssessmentJson, AssessmentJson, AssessmentJson];
    const refused = await h.request(org.tokens['lead-auditor'], 'PATCH', url, {
      changes: [
        { id: second.id, version: second.version, assigneeId: org.userIds['lead-auditor'] },
        { id: third.id, version: third.version, assigneeId: org.userIds.contributor },
      ],
    });
    expect(refused.status).toBe(400);
    expect((refused.json() as ErrorJson).error.message).toMatch(/^changes\[1\]\.assigneeId: /);
    expect((await list(org.tokens.auditor, `assignee=${org.userIds['lead-auditor']}`)).total).toBe(0);
    const saved = await h.request(org.tokens['lead-auditor'], 'PATCH', url, {
      changes: [
        { id: second.id, version: second.version, assigneeId: org.userIds['lead-auditor'] },
        { id: third.id, version: third.version, assigneeId: org.userIds.auditor },
      ],
    });
    expect(saved.status).toBe(200);
    const [two, three] = saved.json() as [AssessmentJson, AssessmentJson];
    items[1] = two;
    items[2] = three;
  });

  test('filters by assignee: a user id, me, none', async () => {
    const mine = await list(org.tokens.auditor, 'assignee=me');
    expect(mine.items.map((a) => a.id).sort()).toEqual([items[0]?.id, items[2]?.id].sort());
    const lead = await list(org.tokens.admin, `assignee=${org.userIds['lead-auditor']}`);
    expect(lead.items.map((a) => a.id)).toEqual([items[1]?.id]);
    const none = await list(org.tokens.admin, 'assignee=none');
    expect(none.total).toBe(total - 3);
    expect(none.items.every((a) => a.assigneeId === null)).toBe(true);
    // The administrator sees every engagement but holds none of its work.
    expect((await list(org.tokens.admin, 'assignee=me')).total).toBe(0);
  });

  test('null unassigns; a stale version is still a conflict', async () => {
    const first = items[0] as AssessmentJson;
    const cleared = await h.request(org.tokens['lead-auditor'], 'PATCH', `${url}/${first.id}`, {
      version: first.version,
      assigneeId: null,
    });
    expect(cleared.status).toBe(200);
    expect((cleared.json() as AssessmentJson).assigneeId).toBeNull();
    const stale = await h.request(org.tokens['lead-auditor'], 'PATCH', `${url}/${first.id}`, {
      version: first.version,
      assigneeId: org.userIds.auditor,
    });
    expect(stale.status).toBe(409);
  });
});
