import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/audit-log.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { LocalEvidenceStore } from '../evidence/store.ts';
import { DATABASE_KINDS, freshDatabase, skipKind } from '../test/databases.ts';
import { catalogue } from '../test/harness.ts';
import { seedScaledDemo } from './scale.ts';
import { prng, syntheticScans } from './scale-scans.ts';

describe('synthetic scans', () => {
  it('split the total over five tools, deterministically', () => {
    const a = syntheticScans(1000, prng(7));
    expect(a.map((s) => s.tool)).toEqual(['Semgrep OSS', 'CodeQL', 'Trivy', 'Checkov', 'Gitleaks']);
    expect(a.reduce((n, s) => n + s.results, 0)).toBe(1000);
    expect(syntheticScans(1000, prng(7))).toEqual(a);
    expect(syntheticScans(1000, prng(8))).not.toEqual(a);
  });
});

describe.each(DATABASE_KINDS)('scaled demo on %s', (kind) => {
  let handle: DatabaseHandle;
  let dir: string;
  const test = it.skipIf(skipKind(kind));
  beforeAll(async () => {
    if (skipKind(kind)) return;
    handle = await freshDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'mica-scale-'));
  }, 120_000);
  afterAll(async () => {
    if (skipKind(kind)) return;
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  test('seeds 474 assessments in every status, findings of five tools in several severities and statuses, linked evidence', async () => {
    const { db } = handle;
    const store = new LocalEvidenceStore(join(dir, 'evidence'));
    const scaled = await seedScaledDemo(db, store, await catalogue(), { findings: 400, evidence: 12 });
    expect(scaled.created).toBe(true);
    expect(scaled.engagementId).not.toBe(scaled.demoEngagementId);
    expect(scaled.assessments).toBe(474);
    const byStatus = await db
      .selectFrom('assessments')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('engagement_id', '=', scaled.engagementId)
      .groupBy('status')
      .execute();
    expect(byStatus.map((s) => s.status).sort()).toEqual(
      ['compliant', 'non-compliant', 'not-applicable', 'not-assessed', 'partially-compliant'].sort(),
    );
    expect(byStatus.every((s) => Number(s.n) >= 10)).toBe(true);
    const findings = await db
      .selectFrom('findings')
      .select(['source', 'severity', 'status', 'requirements'])
      .where('engagement_id', '=', scaled.engagementId)
      .execute();
    expect(findings).toHaveLength(400);
    expect(new Set(findings.map((f) => f.source)).size).toBe(5);
    expect(new Set(findings.map((f) => f.severity)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(findings.map((f) => f.status))).toEqual(
      new Set(['open', 'accepted', 'false-positive', 'fixed']),
    );
    expect(findings.some((f) => f.requirements.length > 0)).toBe(true);
    const evidence = await db
      .selectFrom('evidence')
      .select('id')
      .where('engagement_id', '=', scaled.engagementId)
      .execute();
    expect(evidence).toHaveLength(12);
    const links = await db
      .selectFrom('evidence_links')
      .innerJoin('assessments', (j) =>
        j
          .onRef('assessments.requirement_urn', '=', 'evidence_links.requirement_urn')
          .on('assessments.engagement_id', '=', scaled.engagementId),
      )
      .select(['evidence_links.evidence_id', 'assessments.status'])
      .where(
        'evidence_links.evidence_id',
        'in',
        evidence.map((e) => e.id),
      )
      .execute();
    // Every piece of evidence supports at least one assessed requirement of this engagement.
    expect(new Set(links.map((l) => l.evidence_id)).size).toBe(12);
    expect(links.every((l) => l.status !== 'not-assessed' && l.status !== 'not-applicable')).toBe(true);
    expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
    const again = await seedScaledDemo(db, store, await catalogue());
    expect(again).toMatchObject({ created: false, engagementId: scaled.engagementId, assessments: 474 });
  }, 120_000);
});
