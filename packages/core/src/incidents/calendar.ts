import { DomainError } from '../errors.ts';

interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (cause) {
      throw new DomainError(
        'incident.invalid_time_zone',
        `unknown time zone ${JSON.stringify(timeZone)}; use an IANA name such as Europe/Paris`,
        {
          cause,
          path: 'timeZone',
        },
      );
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a time zone: weekends and holidays are local notions. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const num = (key: string) => Number(parts[key]);
  return {
    year: num('year'),
    month: num('month'),
    day: num('day'),
    hour: num('hour'),
    minute: num('minute'),
    second: num('second'),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(new Date(instant), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (instant - (instant % 1000));
}

/** The instant at which the given wall-clock time occurs in a time zone (second pass settles DST changes). */
export function zonedTime(
  wall: {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second?: number;
    ms?: number;
  },
  timeZone: string,
): Date {
  const guess = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second ?? 0,
    wall.ms ?? 0,
  );
  let instant = guess - offsetAt(guess, timeZone);
  const settled = guess - offsetAt(instant, timeZone);
  if (settled !== instant) instant = settled;
  return new Date(instant);
}

/** Adds whole hours; reporting clocks in hours run on elapsed time, not on the wall clock. */
export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * 3_600_000);
}

/** Same local date and time one or more months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(instant: Date, months: number, timeZone: string): Date {
  const p = localParts(instant, timeZone);
  const monthIndex = p.month - 1 + months;
  const year = p.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return zonedTime(
    {
      year,
      month,
      day: Math.min(p.day, lastDay),
      hour: p.hour,
      minute: p.minute,
      second: p.second,
      ms: instant.getUTCMilliseconds(),
    },
    timeZone,
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a list of `YYYY-MM-DD` holiday dates and returns them as a set. */
export function holidaySet(holidays: readonly string[]): Set<string> {
  holidays.forEach((h, i) => {
    if (!ISO_DATE.test(h) || Number.isNaN(Date.parse(`${h}T00:00:00Z`))) {
      throw new DomainError(
        'incident.invalid_holiday',
        `holiday ${JSON.stringify(h)} is not a YYYY-MM-DD date`,
        {
          path: `holidays[${i}]`,
        },
      );
    }
  });
  return new Set(holidays);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** True when the local day of the instant is a Saturday, a Sunday or a listed holiday. */
export function isNonWorkingDay(instant: Date, holidays: ReadonlySet<string>, timeZone: string): boolean {
  const p = localParts(instant, timeZone);
  return p.weekday === 0 || p.weekday === 6 || holidays.has(`${p.year}-${pad(p.month)}-${pad(p.day)}`);
}

/** Noon (local time) of the first working day after the instant's day. */
export function noonOfNextWorkingDay(instant: Date, holidays: ReadonlySet<string>, timeZone: string): Date {
  const p = localParts(instant, timeZone);
  for (let offset = 1; offset <= 366; offset += 1) {
    const day = new Date(Date.UTC(p.year, p.month - 1, p.day + offset));
    const noon = zonedTime(
      {
        year: day.getUTCFullYear(),
        month: day.getUTCMonth() + 1,
        day: day.getUTCDate(),
        hour: 12,
        minute: 0,
      },
      timeZone,
    );
    if (!isNonWorkingDay(noon, holidays, timeZone)) return noon;
  }
  throw new DomainError(
    'incident.no_working_day',
    'the holiday list leaves no working day within a year; check it',
    {
      path: 'holidays',
    },
  );
}
