import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { buildSnapshot } from '../commands/snapshot.ts';
import { catalogue, openHarness, PROFILE, type Harness, type TestOrg } from '../test/harness.ts';

// The entity first offers exchange for funds and transfers, then drops the exchange and adds custody.
const EXCHANGE = { ...PROFILE, services: ['exchange-funds', 'transfer'] };
const CUSTODY = { ...PROFILE, services: ['custody', 'transfer'] };
const CUSTODY_URN = 'urn:mica-audit:mica:art-75:1';
const EXCHANGE_URN = 'urn:mica-audit:mica:art-77:1';

interface Preview {
  version: number;
  profileVersion: { current: number | null; target: number; latest: number };
  added: { urn: string; reasons: string[]; restored: boolean; assessmentId: string | null }[];
  removed: { urn: string; reasons: string[]; assessmentId: string; status: string; hasWork: boolean }[];
  unchanged: number;
  changes: boolean;
}
interface Page {
  items: {
    id: string;
    requirementUrn: string;
    status: string;
    observation: string;
    version: number;
    outOfScope: { reasons: { en: string; fr: string }[]; profileVersion: number } | null;
  }[];
  total: number;
}

describe.each(DATABASE_KINDS)('re-scoping an engagement on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let base = '';
  let engagementId = '';
  let entityUrl = '';
  const test = it.skipIf(skipKind(kind));

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('rescoping');
    const entity = await h.request(org.tokens.admin, 'POST', `/api/organisations/${org.id}/entities`, {
      profile: EXCHANGE,
    });
    const entityId = (entity.json() as { id: string }).id;
    entityUrl = `/api/organisations/${org.id}/entities/${entityId}`;
    const engagement = await h.request(org.tokens.admin, 'POST', `/api/organisations/${org.id}/engagements`, {
      entityId,
      name: 'Re-scoped audit',
      team: [org.userIds.auditor, org.userIds.reviewer],
    });
    engagementId = (engagement.json() as { id: string }).id;
    base = `/api/organisations/${org.id}/engagements/${engagementId}`;
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);

  const assessments = async (query = '') =>
    (await h.request(org.tokens.auditor, 'GET', `${base}/assessments?pageSize=500${query}`)).json() as Page;

  test('previews, applies and reverts a profile change without losing auditor work', async () => {
    // The auditor assesses a requirement that the profile change will take out of scope.
    const exchange = (await assessments()).items.find((a) => a.requirementUrn === EXCHANGE_URN);
    expect(exchange).toBeDefined();
    const assessed = await h.request(org.tokens.auditor, 'PATCH', `${base}/assessments/${exchange?.id}`, {
      version: exchange?.version,
      status: 'partially-compliant',
      observation: 'Price disclosure only on the web site.',
    });
    expect(assessed.status).toBe(200);
    const before = await assessments();
    const scoresBefore = (await h.request(org.tokens.auditor, 'GET', `${base}/scores`)).json();

    expect(
      (await h.request(org.tokens.admin, 'PUT', `${entityUrl}/profile`, { profile: CUSTODY })).status,
    ).toBe(200);
    const engagement = (await h.request(org.tokens.reviewer, 'GET', base)).json() as {
      version: number;
      profileVersion: number;
      latestProfileVersion: number;
      newerProfileAvailable: boolean;
    };
    expect(engagement).toMatchObject({
      profileVersion: 1,
      latestProfileVersion: 2,
      newerProfileAvailable: true,
    });

    const preview = (
      await h.request(org.tokens.reviewer, 'GET', `${base}/rescope?lang=fr`)
    ).json() as Preview;
    expect(preview.profileVersion).toEqual({ current: 1, target: 2, latest: 2 });
    expect(preview.changes).toBe(true);
    expect(preview.added.map((a) => a.urn)).toContain(CUSTODY_URN);
    expect(preview.added.every((a) => !a.restored && a.reasons.length > 0)).toBe(true);
    const removed = preview.removed.find((r) => r.urn === EXCHANGE_URN);
    expect(removed).toMatchObject({
      status: 'partially-compliant',
      hasWork: true,
      assessmentId: exchange?.id,
    });
    expect(removed?.reasons.join(' ')).toContain('échange de crypto-actifs contre des fonds');
    expect(removed?.reasons.join(' ')).toContain('ne fournit aucun');
    expect(preview.unchanged + preview.removed.length).toBe(before.total);
    // Previewing changes nothing.
    expect((await assessments()).total).toBe(before.total);

    // Reviewers read only; a stale version is refused with the current engagement.
    expect(
      (await h.request(org.tokens.reviewer, 'POST', `${base}/rescope`, { version: preview.version })).status,
    ).toBe(403);
    const stale = await h.request(org.tokens.admin, 'POST', `${base}/rescope`, {
      version: preview.version - 1 || 99,
    });
    expect(stale.status).toBe(409);
    expect((stale.json() as { error: { current: { version: number } } }).error.current.version).toBe(
      preview.version,
    );

    const applied = await h.request(org.tokens.admin, 'POST', `${base}/rescope`, {
      version: preview.version,
    });
    expect(applied.status).toBe(200);
    const outcome = applied.json() as {
      engagement: { version: number; profileVersion: number; profile: { services: string[] } };
      added: string[];
      removed: string[];
      restored: string[];
    };
    expect(outcome.engagement).toMatchObject({ version: preview.version + 1, profileVersion: 2 });
    expect(outcome.engagement.profile.services).toEqual(['custody', 'transfer']);
    expect(outcome.added).toEqual(preview.added.map((a) => a.urn));
    expect(outcome.removed).toEqual(preview.removed.map((r) => r.urn));

    // The list shows the applicable requirements only; the kept work is listed apart, with its reasons.
    const after = await assessments();
    expect(after.total).toBe(preview.unchanged + preview.added.length);
    expect(after.items.find((a) => a.requirementUrn === CUSTODY_URN)?.status).toBe('not-assessed');
    expect(after.items.some((a) => a.requirementUrn === EXCHANGE_URN)).toBe(false);
    const kept = await assessments('&outOfScope=true');
    expect(kept.total).toBe(preview.removed.length);
    const keptExchange = kept.items.find((a) => a.requirementUrn === EXCHANGE_URN);
    expect(keptExchange).toMatchObject({
      status: 'partially-compliant',
      observation: 'Price disclosure only on the web site.',
    });
    expect(keptExchange?.outOfScope?.profileVersion).toBe(2);
    expect(keptExchange?.outOfScope?.reasons[0]?.en).toContain('exchange of crypto-assets for funds');
    // It is read-only while out of scope.
    const edit = await h.request(org.tokens.auditor, 'PATCH', `${base}/assessments/${keptExchange?.id}`, {
      version: keptExchange?.version,
      status: 'compliant',
    });
    expect(edit.status).toBe(409);
    expect((edit.json() as { error: { code: string } }).error.code).toBe('assessment.out_of_scope');

    // Scores and the engagement's counts leave it out; the engagement is up to date again.
    const scores = (await h.request(org.tokens.auditor, 'GET', `${base}/scores`)).json() as {
      requirements: { urn: string; status: string }[];
    };
    expect(scores.requirements.find((r) => r.urn === EXCHANGE_URN)?.status).toBe('not-applicable');
    expect(scores.requirements.find((r) => r.urn === CUSTODY_URN)?.status).toBe('not-assessed');
    expect(scores).not.toEqual(scoresBefore);
    const now = (await h.request(org.tokens.reviewer, 'GET', base)).json() as {
      assessments: Record<string, number>;
      outOfScopeAssessments: number;
      newerProfileAvailable: boolean;
    };
    expect(now.newerProfileAvailable).toBe(false);
    expect(now.outOfScopeAssessments).toBe(preview.removed.length);
    expect(now.assessments['partially-compliant']).toBeUndefined();
    expect(Object.values(now.assessments).reduce((a, b) => a + b, 0)).toBe(after.total);

    // The report's snapshot follows the new scope.
    const snapshot = await buildSnapshot(h.workspace.database.db, org.id, engagementId, {
      lang: 'en',
      version: '1',
      catalogue: await catalogue(),
      now: new Date('2026-12-01T10:00:00Z'),
    });
    expect(snapshot.assessments.some((a) => a.urn === EXCHANGE_URN)).toBe(false);
    expect(snapshot.assessments.some((a) => a.urn === CUSTODY_URN)).toBe(true);

    // One audit entry records the move.
    const log = (
      await h.request(org.tokens.admin, 'GET', `/api/organisations/${org.id}/audit-log?pageSize=1`)
    ).json() as {
      items: { action: string; after: { removed: string[]; profileVersion: number } }[];
    };
    expect(log.items[0]?.action).toBe('engagement.rescope');
    expect(log.items[0]?.after.removed).toContain(EXCHANGE_URN);

    // Nothing more to do at the latest version: applying again is a no-op.
    const again = (await h.request(org.tokens.admin, 'GET', `${base}/rescope`)).json() as Preview;
    expect(again).toMatchObject({ changes: false, added: [], removed: [] });

    // Back to the first profile version: the exchange work returns intact, custody is kept out of scope.
    const back = (
      await h.request(org.tokens.admin, 'GET', `${base}/rescope?profileVersion=1`)
    ).json() as Preview;
    expect(back.added.find((a) => a.urn === EXCHANGE_URN)).toMatchObject({
      restored: true,
      assessmentId: exchange?.id,
    });
    expect(back.removed.find((r) => r.urn === CUSTODY_URN)?.hasWork).toBe(false);
    const reverted = await h.request(org.tokens.admin, 'POST', `${base}/rescope`, {
      version: back.version,
      profileVersion: 1,
    });
    expect(reverted.status).toBe(200);
    const restored = (await assessments()).items.find((a) => a.requirementUrn === EXCHANGE_URN);
    expect(restored).toMatchObject({
      id: exchange?.id,
      status: 'partially-compliant',
      outOfScope: null,
    });
    expect((await assessments()).total).toBe(before.total);
    const latest = (await h.request(org.tokens.reviewer, 'GET', base)).json() as {
      newerProfileAvailable: boolean;
    };
    expect(latest.newerProfileAvailable).toBe(true);
  });

  test('refuses an unknown profile version, naming the field', async () => {
    const response = await h.request(org.tokens.admin, 'GET', `${base}/rescope?profileVersion=9`);
    expect(response.status).toBe(400);
    expect((response.json() as { error: { message: string } }).error.message).toMatch(/^profileVersion: /);
  });
});
