import type { IncidentReport, IncidentView } from './types.ts';

export interface NextDeadline {
  readonly report: IncidentReport;
  readonly due: Date;
  /** Milliseconds until due; negative when overdue. */
  readonly remainingMs: number;
}

const ORDER = [
  ['initial', 'initialDue', 'initialSentAt'],
  ['intermediate', 'intermediateDue', 'intermediateSentAt'],
  ['final', 'finalDue', 'finalSentAt'],
] as const;

/**
 * The next DORA report a major incident owes, from the deadlines the server computed (Delegated Regulation (EU)
 * 2025/301, in the home member state's time zone): the first report not yet sent. Undefined when nothing is owed:
 * not major, classification pending, or every report sent.
 */
export function nextDeadline(
  incident: Pick<IncidentView, 'deadlines' | 'initialSentAt' | 'intermediateSentAt' | 'finalSentAt'>,
  now: Date,
): NextDeadline | undefined {
  const deadlines = incident.deadlines;
  if (deadlines === null) return undefined;
  for (const [report, dueKey, sentKey] of ORDER) {
    if (incident[sentKey] !== null) continue;
    const due = deadlines[dueKey];
    if (due === null) return undefined;
    const at = new Date(due);
    return { report, due: at, remainingMs: at.getTime() - now.getTime() };
  }
  return undefined;
}

export interface Duration {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

/** Whole days, hours, minutes and seconds of a span (its absolute value), for a countdown. */
export function splitDuration(ms: number): Duration {
  let s = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86_400);
  s -= days * 86_400;
  const hours = Math.floor(s / 3600);
  s -= hours * 3600;
  const minutes = Math.floor(s / 60);
  return { days, hours, minutes, seconds: s - minutes * 60 };
}
