import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';
import { seedAssetAndFinding } from './risks.fixtures.ts';

interface Item {
  id: string;
  title: string;
  status: string;
  sources: { kind: string; id: string }[];
  edits: Record<string, unknown>;
}
interface Plan {
  version: number;
  items: Item[];
}

describe.each(DATABASE_KINDS)('action plan and calculations API on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let other: TestOrg;
  let engagementId: string;
  let findingId: string;
  let gapUrns: string[] = [];
  const engagement = () => `/api/organisations/${org.id}/engagements/${engagementId}`;
  const plan = () => `${engagement()}/action-plan`;
  const test = it.skipIf(skipKind(kind));
  const itemOf = (p: Plan, kind: string, id: string) =>
    p.items.find((i) => i.sources.some((s) => s.kind === kind && s.id === id));

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('acme');
    other = await h.organisation('other');
    ({ engagementId } = await seedEngagement(h, org));
    ({ findingId } = await seedAssetAndFinding(h, org.id, engagementId));
    const page = (
      await h.request(org.tokens.auditor, 'GET', `${engagement()}/assessments?pageSize=2`)
    ).json() as {
      items: { id: string; requirementUrn: string }[];
    };
    gapUrns = page.items.map((a) => a.requirementUrn);
    const [a, b] = page.items;
    const bulk = await h.request(org.tokens.auditor, 'PATCH', `${engagement()}/assessments`, {
      changes: [
        { id: a?.id, version: 1, status: 'non-compliant' },
        { id: b?.id, version: 1, status: 'partially-compliant' },
      ],
    });
    if (bulk.status !== 200) throw new Error(bulk.body);
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);

  test('scores the engagement and compares with its state at creation (rebuilt from the audit log)', async () => {
    const scores = (await h.request(org.tokens.reviewer, 'GET', `${engagement()}/scores`)).json() as {
      overall: { score: number; assessed: number; coverage: number };
      byRegulation: { key: string }[];
    };
    // (0 + 0.5) / 2 = 25 %.
    expect(scores.overall).toMatchObject({ score: 25, assessed: 2 });
    expect(scores.byRegulation.length).toBeGreaterThan(0);
    const compared = (
      await h.request(org.tokens.reviewer, 'GET', `${engagement()}/scores/compare`)
    ).json() as {
      previous: { score: number | null };
      current: { score: number };
      requirements: { urn: string; previous: string; current: string; change: string }[];
    };
    expect(compared.previous.score).toBeNull();
    expect(compared.current.score).toBe(25);
    expect(compared.requirements.find((r) => r.urn === gapUrns[0])).toMatchObject({
      previous: 'not-assessed',
      current: 'non-compliant',
      change: 'new',
    });
    const later = (
      await h.request(org.tokens.reviewer, 'GET', `${engagement()}/scores/compare?since=2999-01-01T00:00:00Z`)
    ).json() as { previous: { score: number } };
    expect(later.previous.score).toBe(25);
  });

  test('gives the prudential figures of the engagement profile', async () => {
    const prudential = (await h.request(org.tokens.reviewer, 'GET', `${engagement()}/prudential`)).json() as {
      casp: { applicable: boolean; class: number; permanentMinimumEUR: number };
      significantCasp: { significant: boolean };
      artIssuer: { applicable: boolean };
      significantArt: { applicable: boolean };
    };
    // custody and exchange for funds are Annex IV class 2.
    expect(prudential.casp).toMatchObject({ applicable: true, class: 2, permanentMinimumEUR: 125_000 });
    expect(prudential.significantCasp.significant).toBe(false);
    expect(prudential.artIssuer.applicable).toBe(false);
    expect(prudential.significantArt.applicable).toBe(false);
  });

  test('generates the plan, keeps edits across regeneration, merges and splits', async () => {
    expect((await h.request(org.tokens.reviewer, 'GET', plan())).json()).toMatchObject({
      version: 0,
      items: [],
    });
    const generated = await h.request(org.tokens.auditor, 'POST', `${plan()}/generate`, {});
    expect(generated.status).toBe(200);
    const first = generated.json() as Plan;
    expect(first.version).toBe(1);
    const gap = itemOf(first, 'gap', gapUrns[0] ?? '');
    const finding = itemOf(first, 'finding', findingId);
    expect(gap).toBeDefined();
    expect(finding).toBeDefined();
    // Titles cite the requirement as people do, never by URN.
    expect(gap?.title).toMatch(/^Remediate (MiCA|DORA|TFR|PASSI) Art\. \d+/);
    expect(first.items.filter((i) => i.title.includes('urn:'))).toEqual([]);
    const itemUrl = `${plan()}/items/${encodeURIComponent(gap?.id ?? '')}`;
    const edited = await h.request(org.tokens.contributor, 'PATCH', itemUrl, {
      version: 1,
      title: 'Our own words',
    });
    expect(edited.status).toBe(200);
    const stale = await h.request(org.tokens.auditor, 'PATCH', itemUrl, { version: 1, status: 'done' });
    expect(stale.status).toBe(409);
    expect((stale.json() as { error: { current: Plan } }).error.current.version).toBe(2);
    const again = (await h.request(org.tokens.auditor, 'POST', `${plan()}/generate`, {})).json() as Plan;
    expect(again.version).toBe(3);
    expect(itemOf(again, 'gap', gapUrns[0] ?? '')?.title).toBe('Our own words');
    const merged = await h.request(org.tokens.auditor, 'POST', `${plan()}/merge`, {
      version: 3,
      ids: [gap?.id, finding?.id],
      id: 'merged',
    });
    expect(merged.status).toBe(200);
    const mergedPlan = merged.json() as Plan;
    expect(mergedPlan.items.find((i) => i.id === 'merged')?.sources).toHaveLength(2);
    const split = await h.request(org.tokens.auditor, 'POST', `${plan()}/split`, {
      version: 4,
      id: 'merged',
      parts: [{ sources: [`gap:${gapUrns[0]}`] }, { sources: [`finding:${findingId}`] }],
    });
    expect(split.status).toBe(200);
    expect((split.json() as Plan).version).toBe(5);
    const matrix = (await h.request(org.tokens.reviewer, 'GET', `${plan()}/matrix`)).json() as unknown[];
    expect(matrix).toHaveLength(9);
    const bars = (await h.request(org.tokens.reviewer, 'GET', `${plan()}/timeline`)).json() as unknown[];
    expect(bars.length).toBeGreaterThanOrEqual(3);
    const unknown = await h.request(org.tokens.auditor, 'PATCH', `${plan()}/items/nope`, {
      version: 5,
      title: 'x',
    });
    expect(unknown.status).toBe(404);
  });

  test('keeps reviewers read-only and other organisations out', async () => {
    expect((await h.request(org.tokens.reviewer, 'POST', `${plan()}/generate`, {})).status).toBe(403);
    expect((await h.request(org.tokens.contributor, 'POST', `${plan()}/generate`, {})).status).toBe(403);
    for (const token of [other.tokens.admin, other.tokens.reviewer])
      for (const url of [
        plan(),
        `${plan()}/matrix`,
        `${plan()}/timeline`,
        `${engagement()}/scores`,
        `${engagement()}/scores/compare`,
        `${engagement()}/prudential`,
      ])
        expect((await h.request(token, 'GET', url)).status).toBe(404);
    expect((await h.request(other.tokens.admin, 'POST', `${plan()}/generate`, {})).status).toBe(404);
    const foreign = `/api/organisations/${other.id}/engagements/${engagementId}/action-plan`;
    expect((await h.request(other.tokens.admin, 'POST', `${foreign}/generate`, {})).status).toBe(404);
    expect(
      (await h.request(other.tokens.admin, 'POST', `${foreign}/merge`, { version: 1, ids: ['a', 'b'] }))
        .status,
    ).toBe(404);
  });
});
