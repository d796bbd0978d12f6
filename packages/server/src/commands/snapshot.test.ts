import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '@mica-audit/core';
import { renderReport } from '@mica-audit/report';
import { seedDemo, type DemoResult } from '../demo/seed.ts';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { catalogue, openHarness, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';
import { auditLogHead, buildSnapshot } from './snapshot.ts';

describe.each(DATABASE_KINDS)('buildSnapshot on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let demo: DemoResult;
  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('snap');
    demo = await seedDemo(h.workspace.database.db, h.workspace.services.store, await catalogue());
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);
  const test = it.skipIf(skipKind(kind));

  test('gives a valid snapshot for an engagement whose registers are empty', async () => {
    const { engagementId } = await seedEngagement(h, org);
    const db = h.workspace.database.db;
    const snapshot = await buildSnapshot(db, org.id, engagementId, {
      lang: 'fr',
      version: '1',
      catalogue: await catalogue(),
      now: new Date('2026-12-01T10:00:00Z'),
    });
    expect(snapshot.engagement).toMatchObject({
      id: engagementId,
      reportDate: '2026-12-01',
      reportVersion: '1',
      language: 'fr',
      auditFirm: 'snap',
      auditLogHead: await auditLogHead(db),
    });
    expect(snapshot.assessments.length).toBeGreaterThan(0);
    expect(snapshot.assessments.every((a) => a.status === 'not-assessed')).toBe(true);
    expect(snapshot).toMatchObject({ evidence: [], findings: [], incidents: [] });
    expect(snapshot.risks.register.risks).toEqual([]);
    const json = await renderReport(snapshot, 'oscal-poam', 'fr', { catalogue: await catalogue() });
    expect(JSON.parse(json.toString('utf8'))).toHaveProperty('plan-of-action-and-milestones');
  });

  test('carries the demo engagement: assessments, evidence with links, findings, risks, actions, incident', async () => {
    const snapshot = await buildSnapshot(h.workspace.database.db, demo.organisationId, demo.engagementId, {
      lang: 'en',
      version: '2',
      catalogue: await catalogue(),
    });
    const statuses = new Set(snapshot.assessments.map((a) => a.status));
    expect(statuses).toEqual(
      new Set(['compliant', 'partially-compliant', 'non-compliant', 'not-applicable', 'not-assessed']),
    );
    expect(snapshot.evidence.length).toBeGreaterThanOrEqual(3);
    const linked = snapshot.evidence.find((e) => e.urns.length > 0);
    expect(snapshot.assessments.find((a) => a.urn === linked?.urns[0])?.evidenceIds ?? []).toContain(
      linked?.id,
    );
    expect(snapshot.findings.length).toBeGreaterThanOrEqual(3);
    expect(snapshot.findings.map((f) => f.auditType)).toContain('code-review');
    expect(snapshot.risks.register.risks.length).toBeGreaterThanOrEqual(2);
    expect(snapshot.actions.items.length).toBeGreaterThanOrEqual(1);
    expect(snapshot.incidents.length).toBeGreaterThanOrEqual(1);
    const xlsx = await renderReport(snapshot, 'xlsx', 'en', { catalogue: await catalogue() });
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  }, 60_000);

  test('is 404 for an engagement of another organisation', async () => {
    const attempt = buildSnapshot(h.workspace.database.db, org.id, demo.engagementId, {
      lang: 'en',
      version: '1',
    });
    const error: unknown = await attempt.catch((e: unknown) => e);
    expect(isDomainError(error) && error.kind).toBe('not_found');
  });
});
