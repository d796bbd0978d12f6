import { incidentDeadlines, MEMBER_STATE_TIME_ZONES, type MemberState } from '@mica-audit/core';

export interface NextDeadline {
  readonly report: 'initial' | 'intermediate' | 'final';
  readonly due: Date;
  /** Milliseconds until due; negative when overdue. */
  readonly remainingMs: number;
}

function dateOf(value: unknown): Date | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The next DORA report a major incident owes (core's incidentDeadlines, Delegated Regulation (EU) 2025/301 Art. 5),
 * read from the classification the server stores: awareness and classification times default to the occurrence,
 * reports already sent move the clock on. Undefined for an incident that is not major or whose reports are all in.
 */
export function nextDeadline(
  incident: { readonly occurredAt: string; readonly classification: Readonly<Record<string, unknown>> },
  memberState: string,
  now: Date,
): NextDeadline | undefined {
  const c = incident.classification;
  if (c.major !== true) return undefined;
  const occurred = new Date(incident.occurredAt);
  const initialSentAt = dateOf(c.initialSentAt);
  const intermediateSentAt = dateOf(c.intermediateSentAt);
  if (dateOf(c.finalSentAt) !== undefined) return undefined;
  const deadlines = incidentDeadlines({
    awareAt: dateOf(c.awareAt) ?? occurred,
    classifiedAt: dateOf(c.classifiedAt) ?? dateOf(c.awareAt) ?? occurred,
    initialSentAt,
    intermediateSentAt,
    timeZone: MEMBER_STATE_TIME_ZONES[memberState as MemberState] ?? 'UTC',
  });
  const [report, due] =
    initialSentAt === undefined
      ? (['initial', deadlines.initialDue] as const)
      : intermediateSentAt === undefined
        ? (['intermediate', deadlines.intermediateDue] as const)
        : (['final', deadlines.finalDue] as const);
  if (due === null) return undefined;
  return { report, due, remainingMs: due.getTime() - now.getTime() };
}
