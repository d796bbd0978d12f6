import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incidentDeadlines, WEEKEND_RULES } from './deadlines.ts';

const HOUR = 3_600_000;

describe('deadline properties', () => {
  it('never sets a deadline before its trigger and never loosens the 24-hour cap except by the weekend rule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: 0, max: 72 * HOUR }),
        fc.integer({ min: 0, max: 10 * HOUR }),
        fc.integer({ min: 0, max: 200 * HOUR }),
        fc.constantFrom('UTC', 'Europe/Paris', 'Europe/Helsinki', 'Atlantic/Reykjavik'),
        fc.constantFrom(...WEEKEND_RULES),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 5 }),
        (aware, classifyDelay, initialDelay, intermediateDelay, timeZone, weekendRule, holidayOffsets) => {
          const awareAt = new Date(aware);
          const classifiedAt = new Date(aware + classifyDelay);
          const initialSentAt = new Date(classifiedAt.getTime() + initialDelay);
          const intermediateSentAt = new Date(initialSentAt.getTime() + intermediateDelay);
          const holidays = holidayOffsets.map((o) =>
            new Date(aware + o * 24 * HOUR).toISOString().slice(0, 10),
          );
          const r = incidentDeadlines({
            awareAt,
            classifiedAt,
            initialSentAt,
            intermediateSentAt,
            holidays,
            timeZone,
            weekendRule,
          });
          expect(r.initialDue.getTime()).toBeGreaterThanOrEqual(awareAt.getTime());
          expect(r.initialDue.getTime()).toBeGreaterThanOrEqual(
            Math.min(classifiedAt.getTime() + 4 * HOUR, aware + 24 * HOUR),
          );
          expect(r.intermediateDue!.getTime()).toBeGreaterThanOrEqual(initialSentAt.getTime() + 72 * HOUR);
          expect(r.finalDue!.getTime()).toBeGreaterThan(intermediateSentAt.getTime() + 27 * 24 * HOUR);
          if (weekendRule === 'none' && classifyDelay <= 24 * HOUR) {
            expect(r.initialDue.getTime()).toBeLessThanOrEqual(aware + 24 * HOUR);
          }
        },
      ),
    );
  });
});
