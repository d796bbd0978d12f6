import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/index.ts';
import { demo } from './fixtures.ts';

describe('an engagement with nothing assessed yet', () => {
  it('still renders every chart and a PDF, saying that no domain is scored', async () => {
    const { snapshot } = await demo();
    const { priorRound: _prior, ...rest } = snapshot;
    const empty = { ...rest, assessments: [] };
    const pdf = await renderReport(empty, 'pdf', 'en');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
