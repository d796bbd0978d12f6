import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionInputsSchema, type ActionInputs } from './actions.schema.ts';
import { editRecommendation } from './edit.ts';
import { firstRoundInputs } from './fixtures.ts';
import { generatePlan } from './plan.ts';
import { regenerate } from './regenerate.ts';

const all = firstRoundInputs();
const subset = fc
  .record({ gaps: fc.subarray(all.gaps), findings: fc.subarray(all.findings), risks: fc.subarray(all.risks) })
  .map((inputs): ActionInputs => actionInputsSchema.parse(inputs));
const editor = { by: 'alice', at: new Date('2026-11-23T00:00:00Z') };

describe('regeneration properties', () => {
  it('never deletes an item nor changes a field a person edited', () => {
    fc.assert(
      fc.property(
        subset,
        subset,
        fc.nat(),
        fc.integer({ min: 0, max: 100 }),
        (before, after, pick, priority) => {
          let plan = generatePlan(before, { now: new Date('2026-11-22T00:00:00Z') });
          fc.pre(plan.items.length > 0);
          const target = plan.items[pick % plan.items.length]!;
          plan = editRecommendation(plan, target.id, { priority, owner: 'owner-x' }, editor);
          const next = regenerate(plan, after, { now: new Date('2026-12-01T00:00:00Z') });
          for (const item of plan.items) expect(next.items.map((i) => i.id)).toContain(item.id);
          const edited = next.items.find((i) => i.id === target.id);
          expect(edited).toMatchObject({ priority, owner: 'owner-x' });
          for (const item of next.items) {
            expect(item.priority).toBeGreaterThanOrEqual(0);
            expect(item.priority).toBeLessThanOrEqual(100);
          }
          const sourcesNow = next.items
            .filter((i) => !i.sourceResolved)
            .flatMap((i) => i.sources.map((s) => `${s.kind}:${s.id}`));
          expect(new Set(sourcesNow).size).toBe(sourcesNow.length);
        },
      ),
    );
  });
});
