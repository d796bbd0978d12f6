import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';

interface IncidentJson {
  id: string;
  version: number;
  classification: { major: boolean };
  deadlines: { initialDue: string; intermediateDue: string | null; finalDue: string | null } | null;
  reports: Record<string, string>;
  timeZone: string;
}

const MAJOR = {
  title: 'Unauthorised access to the hot-wallet signer',
  occurredAt: '2026-11-02T07:30:00Z',
  awareAt: '2026-11-02T08:00:00Z',
  classifiedAt: '2026-11-02T10:00:00Z',
  impact: { criticalServicesAffected: true, dataLosses: { maliciousUnauthorisedAccess: true } },
};

describe.each(DATABASE_KINDS)('incident register API on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let other: TestOrg;
  let engagementId: string;
  const base = () => `/api/organisations/${org.id}/engagements/${engagementId}/incidents`;
  const test = it.skipIf(skipKind(kind));

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('acme');
    other = await h.organisation('other');
    ({ engagementId } = await seedEngagement(h, org));
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);

  test('classifies a major incident (2024/1772) and computes its deadlines (2025/301)', async () => {
    const created = await h.request(org.tokens.contributor, 'POST', base(), MAJOR);
    expect(created.status).toBe(201);
    const incident = created.json() as IncidentJson;
    expect(incident.classification.major).toBe(true);
    expect(incident.timeZone).toBe('Europe/Paris');
    // min(classified + 4 h, aware + 24 h) on a Monday: 14:00 UTC.
    expect(incident.deadlines).toEqual({
      initialDue: '2026-11-02T14:00:00.000Z',
      intermediateDue: null,
      finalDue: null,
    });
    const sent = await h.request(org.tokens.contributor, 'PATCH', `${base()}/${incident.id}`, {
      version: 1,
      initialSentAt: '2026-11-02T13:00:00Z',
    });
    expect(sent.status).toBe(200);
    const after = sent.json() as IncidentJson;
    // 72 h after the initial notification.
    expect(after.deadlines?.intermediateDue).toBe('2026-11-05T13:00:00.000Z');
    expect(after.reports.initial).toBe('sent-on-time');
    expect(after.version).toBe(2);
    const listed = (await h.request(org.tokens.reviewer, 'GET', base())).json() as { items: IncidentJson[] };
    expect(listed.items.map((i) => i.id)).toContain(incident.id);
  });

  test('answers not-required for a minor incident and 400 for an impossible timeline', async () => {
    const minor = await h.request(org.tokens.auditor, 'POST', base(), {
      ...MAJOR,
      impact: { criticalServicesAffected: false },
    });
    expect(minor.json()).toMatchObject({ deadlines: null, reports: { initial: 'not-required' } });
    const backwards = await h.request(org.tokens.auditor, 'POST', base(), {
      ...MAJOR,
      classifiedAt: '2026-11-01T10:00:00Z',
    });
    expect(backwards.status).toBe(400);
    const badImpact = await h.request(org.tokens.auditor, 'POST', base(), { ...MAJOR, impact: {} });
    expect((badImpact.json() as { error: { message: string } }).error.message).toMatch(
      /^impact\.criticalServicesAffected: /,
    );
  });

  test('answers 409 with the current state to a stale version', async () => {
    const incident = (await h.request(org.tokens.auditor, 'POST', base(), MAJOR)).json() as IncidentJson;
    const url = `${base()}/${incident.id}`;
    expect((await h.request(org.tokens.auditor, 'PATCH', url, { version: 1, status: 'closed' })).status).toBe(
      200,
    );
    const stale = await h.request(org.tokens.auditor, 'PATCH', url, { version: 1, title: 'Lost' });
    expect(stale.status).toBe(409);
    expect((stale.json() as { error: { current: IncidentJson } }).error.current.version).toBe(2);
  });

  test('keeps reviewers read-only and other organisations out', async () => {
    expect((await h.request(org.tokens.reviewer, 'POST', base(), MAJOR)).status).toBe(403);
    const incident = (await h.request(org.tokens.auditor, 'POST', base(), MAJOR)).json() as IncidentJson;
    for (const token of [other.tokens.admin, other.tokens.contributor]) {
      expect((await h.request(token, 'GET', base())).status).toBe(404);
      expect((await h.request(token, 'POST', base(), MAJOR)).status).toBe(404);
      expect((await h.request(token, 'GET', `${base()}/${incident.id}`)).status).toBe(404);
    }
    const foreign = `/api/organisations/${other.id}/engagements/${engagementId}/incidents/${incident.id}`;
    expect((await h.request(other.tokens.admin, 'PATCH', foreign, { version: 1, title: 'x' })).status).toBe(
      404,
    );
  });
});
