import { describe, expect, it } from 'vitest';
import { ASSESSMENT_STATUSES } from '@mica-audit/core';
import { OBSERVATIONS } from '../src/demo/demo-observations.ts';
import { demoSnapshot } from '../src/demo/demo-snapshot.ts';
import { scaleSnapshot } from '../src/demo/scale-snapshot.ts';
import { exportSnapshotJson } from '../src/json/snapshot-json.ts';
import { demo } from './fixtures.ts';

describe('demo snapshot', () => {
  it('is deterministic for a seed', async () => {
    const { catalogue, snapshot } = await demo();
    expect(exportSnapshotJson(demoSnapshot(catalogue))).toBe(exportSnapshotJson(snapshot));
  });

  it('covers every assessment status, with hand-written observations on applicable requirements', async () => {
    const { snapshot, model } = await demo();
    const statuses = new Set(snapshot.assessments.map((a) => a.status));
    for (const status of ASSESSMENT_STATUSES) expect(statuses, status).toContain(status);
    for (const key of Object.keys(OBSERVATIONS)) {
      expect(model.byUrn.get(`urn:mica-audit:${key}`)?.req.applicable, key).toBe(true);
    }
    const withText = snapshot.assessments.filter(
      (a) => a.observation?.en !== undefined && a.observation.fr !== undefined,
    );
    expect(withText.length / snapshot.assessments.length).toBeGreaterThan(0.5);
  });

  it('has the evidence, findings, risks, plan and incident the brief asks for', async () => {
    const { snapshot } = await demo();
    expect(snapshot.evidence).toHaveLength(15);
    expect(snapshot.findings.length).toBeGreaterThanOrEqual(38);
    expect(new Set(snapshot.findings.map((f) => f.auditType)).size).toBeGreaterThanOrEqual(5);
    expect(snapshot.risks.register.risks.length).toBeGreaterThanOrEqual(10);
    expect(snapshot.actions.items.some((i) => i.kind === 'quick-win')).toBe(true);
    expect(snapshot.incidents).toHaveLength(1);
    expect(snapshot.profile.services).toEqual(['custody', 'exchange-funds', 'transfer']);
  });

  it('scales to benchmark sizes', async () => {
    const { snapshot, catalogue } = await demo();
    const big = scaleSnapshot(snapshot, {
      requirements: 450,
      findings: 5000,
      risks: 80,
      actions: 150,
      catalogue,
    });
    expect(big.findings).toHaveLength(5000);
    expect(big.risks.register.risks).toHaveLength(80);
    expect(big.actions.items).toHaveLength(150);
    expect(big.assessments.length).toBeGreaterThanOrEqual(450);
    expect(new Set(big.findings.map((f) => f.id)).size).toBe(5000);
  });
});
