import { z } from 'zod';
import { DomainError } from '../errors.ts';
import type { MemberState } from '../profile/vocabulary.ts';
import { addHours, addMonths, holidaySet, isNonWorkingDay, noonOfNextWorkingDay } from './calendar.ts';

/**
 * Which reports may move to noon of the next working day when their time limit falls on a weekend or bank holiday
 * (Delegated Regulation (EU) 2025/301 Art. 5(4)-(6)): `final-report-only` for the entities listed in Art. 5(5)
 * (credit institutions, central counterparties, trading-venue operators, NIS2 essential or important entities),
 * `none` when the competent authority has disapplied the rule under Art. 5(6).
 */
export const WEEKEND_RULES = ['all-reports', 'final-report-only', 'none'] as const;
export type WeekendRule = (typeof WEEKEND_RULES)[number];

export const incidentDeadlinesInputSchema = z.strictObject({
  awareAt: z.coerce.date(),
  classifiedAt: z.coerce.date(),
  initialSentAt: z.coerce.date().optional(),
  /** The latest intermediate report, updated ones included: the final report's month runs from it. */
  intermediateSentAt: z.coerce.date().optional(),
  /** Bank holidays of the reporting entity's member state, `YYYY-MM-DD` in its local calendar. */
  holidays: z.array(z.iso.date()).optional(),
  /** IANA time zone of the member state; weekends, holidays and noon are read in it. */
  timeZone: z.string().optional(),
  weekendRule: z.enum(WEEKEND_RULES).optional(),
});

export interface IncidentDeadlinesInput {
  readonly awareAt: Date;
  readonly classifiedAt: Date;
  readonly initialSentAt?: Date | undefined;
  readonly intermediateSentAt?: Date | undefined;
  readonly holidays?: readonly string[] | undefined;
  readonly timeZone?: string | undefined;
  readonly weekendRule?: WeekendRule | undefined;
}

export interface IncidentDeadlines {
  readonly initialDue: Date;
  readonly intermediateDue: Date | null;
  readonly finalDue: Date | null;
}

/** The time limits of Delegated Regulation (EU) 2025/301 Art. 5(1)(a)-(c), named so reports can quote them. */
export const INITIAL_HOURS_AFTER_CLASSIFICATION = 4;
export const INITIAL_HOURS_AFTER_AWARENESS = 24;
export const INTERMEDIATE_HOURS_AFTER_INITIAL = 72;
export const FINAL_MONTHS_AFTER_INTERMEDIATE = 1;

function requireOrder(earlier: Date, later: Date, message: string, path: string): void {
  if (Number.isNaN(later.getTime())) {
    throw new DomainError('incident.invalid_timeline', `${path} is not a valid date`, { path });
  }
  if (later.getTime() < earlier.getTime()) {
    throw new DomainError('incident.invalid_timeline', message, { path });
  }
}

function checkTimeline(input: IncidentDeadlinesInput): void {
  if (Number.isNaN(input.awareAt.getTime())) {
    throw new DomainError('incident.invalid_timeline', 'awareAt is not a valid date', { path: 'awareAt' });
  }
  requireOrder(
    input.awareAt,
    input.classifiedAt,
    'the incident is classified before the entity became aware of it; correct awareAt or classifiedAt',
    'classifiedAt',
  );
  if (input.initialSentAt !== undefined) {
    requireOrder(
      input.classifiedAt,
      input.initialSentAt,
      'the initial notification is dated before the classification as major; correct initialSentAt or classifiedAt',
      'initialSentAt',
    );
  }
  if (input.intermediateSentAt !== undefined) {
    if (input.initialSentAt === undefined) {
      throw new DomainError(
        'incident.invalid_timeline',
        'an intermediate report is recorded without an initial notification; record initialSentAt first',
        { path: 'intermediateSentAt' },
      );
    }
    requireOrder(
      input.initialSentAt,
      input.intermediateSentAt,
      'the intermediate report is dated before the initial notification; correct the dates',
      'intermediateSentAt',
    );
  }
}

/**
 * Reporting deadlines for a major ICT-related incident (DORA Art. 19(4), Delegated Regulation (EU) 2025/301
 * Art. 5): initial notification 4 h after classification and at most 24 h after awareness, or 4 h after a
 * classification made later than those 24 h (Art. 5(2)); intermediate 72 h after the initial notification;
 * final one month after the latest intermediate report; weekend and holiday relief per Art. 5(4)-(6).
 */
export function incidentDeadlines(input: IncidentDeadlinesInput): IncidentDeadlines {
  checkTimeline(input);
  const timeZone = input.timeZone ?? 'UTC';
  const holidays = holidaySet(input.holidays ?? []);
  const rule = input.weekendRule ?? 'all-reports';
  const relieve = (due: Date, report: 'initial' | 'intermediate' | 'final'): Date => {
    if (rule === 'none' || (rule === 'final-report-only' && report !== 'final')) return due;
    return isNonWorkingDay(due, holidays, timeZone) ? noonOfNextWorkingDay(due, holidays, timeZone) : due;
  };

  const afterClassification = addHours(input.classifiedAt, INITIAL_HOURS_AFTER_CLASSIFICATION);
  const cap = addHours(input.awareAt, INITIAL_HOURS_AFTER_AWARENESS);
  const classifiedLate = input.classifiedAt.getTime() > cap.getTime();
  const initial = classifiedLate || afterClassification.getTime() < cap.getTime() ? afterClassification : cap;

  const intermediateDue =
    input.initialSentAt === undefined
      ? null
      : relieve(addHours(input.initialSentAt, INTERMEDIATE_HOURS_AFTER_INITIAL), 'intermediate');
  const finalDue =
    input.intermediateSentAt === undefined
      ? null
      : relieve(addMonths(input.intermediateSentAt, FINAL_MONTHS_AFTER_INTERMEDIATE, timeZone), 'final');
  return { initialDue: relieve(initial, 'initial'), intermediateDue, finalDue };
}

/**
 * IANA time zones of the member states' capitals, for reading weekends and noon locally. Portugal (Azores,
 * Madeira) and Spain (Canaries) have other zones: pass `timeZone` explicitly for entities based there.
 */
export const MEMBER_STATE_TIME_ZONES: Readonly<Record<MemberState, string>> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GR: 'Europe/Athens',
  HR: 'Europe/Zagreb',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IT: 'Europe/Rome',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  LV: 'Europe/Riga',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  SE: 'Europe/Stockholm',
  SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava',
  IS: 'Atlantic/Reykjavik',
  LI: 'Europe/Vaduz',
  NO: 'Europe/Oslo',
};
