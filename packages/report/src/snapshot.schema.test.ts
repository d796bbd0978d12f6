import { describe, expect, it } from 'vitest';
import { demo } from '../test/fixtures.ts';
import { parseSnapshot, type EngagementSnapshot } from './snapshot.schema.ts';

describe('engagement snapshot schema', () => {
  it('accepts the demo and rejects problems with their path', async () => {
    const { snapshot } = await demo();
    expect(parseSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
    const bad = (patch: (s: EngagementSnapshot) => void) => {
      const copy = structuredClone(snapshot);
      patch(copy);
      return () => parseSnapshot(copy);
    };
    expect(bad((s) => (s.evidence[0]!.sha256 = 'abc'))).toThrow(
      /evidence\[0\]\.sha256: a lower-case hex SHA-256/,
    );
    expect(bad((s) => (s.assessments[0]!.maturity = 7))).toThrow(/assessments\[0\]\.maturity/);
    expect(bad((s) => (s.risks.register.risks[0]!.nextReviewAt = 'soon'))).toThrow(
      /risks\.register\.risks\[0\]\.nextReviewAt/,
    );
    expect(bad((s) => ((s.actions.items[0] as { priority: number }).priority = 101))).toThrow(
      /actions\.items\[0\]\.priority/,
    );
    expect(bad((s) => ((s.engagement as { language: string }).language = 'de'))).toThrow(
      /engagement\.language/,
    );
    expect(bad((s) => ((s as unknown as Record<string, unknown>).unknown = 1))).toThrow(
      /report\.invalid_snapshot|unrecognized|unknown/i,
    );
  });
});
