import { z } from 'zod';
import { incidentImpactSchema } from './classification.schema.ts';
import { classifyIncident, type IncidentClassification } from './classify.ts';
import { incidentDeadlines, type IncidentDeadlines, type WeekendRule } from './deadlines.ts';

export const incidentSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  awareAt: z.coerce.date(),
  /** When the entity classified the incident as major; absent while the classification is pending. */
  classifiedAt: z.coerce.date().optional(),
  impact: incidentImpactSchema,
  initialSentAt: z.coerce.date().optional(),
  intermediateSentAt: z.coerce.date().optional(),
  finalSentAt: z.coerce.date().optional(),
});

export type Incident = z.infer<typeof incidentSchema>;

export type ReportStatus =
  | 'not-required'
  | 'awaiting-classification'
  | 'awaiting-previous-report'
  | 'pending'
  | 'overdue'
  | 'sent-on-time'
  | 'sent-late';

export interface AssessedIncident {
  readonly id: string;
  readonly classification: IncidentClassification;
  readonly deadlines: IncidentDeadlines | null;
  readonly reports: {
    readonly initial: ReportStatus;
    readonly intermediate: ReportStatus;
    readonly final: ReportStatus;
  };
}

export interface IncidentOptions {
  readonly now: Date;
  readonly holidays?: readonly string[];
  readonly timeZone?: string;
  readonly weekendRule?: WeekendRule;
}

function status(due: Date | null, sentAt: Date | undefined, now: Date): ReportStatus {
  if (due === null) return 'awaiting-previous-report';
  if (sentAt !== undefined) return sentAt.getTime() <= due.getTime() ? 'sent-on-time' : 'sent-late';
  return now.getTime() > due.getTime() ? 'overdue' : 'pending';
}

/** Classifies an incident of the register and tells, for each DORA report, whether it is due, late or sent. */
export function assessIncident(incident: Incident, options: IncidentOptions): AssessedIncident {
  const classification = classifyIncident(incident.impact);
  if (!classification.major) {
    return {
      id: incident.id,
      classification,
      deadlines: null,
      reports: { initial: 'not-required', intermediate: 'not-required', final: 'not-required' },
    };
  }
  if (incident.classifiedAt === undefined) {
    const waiting = 'awaiting-classification';
    return {
      id: incident.id,
      classification,
      deadlines: null,
      reports: { initial: waiting, intermediate: waiting, final: waiting },
    };
  }
  const deadlines = incidentDeadlines({
    awareAt: incident.awareAt,
    classifiedAt: incident.classifiedAt,
    initialSentAt: incident.initialSentAt,
    intermediateSentAt: incident.intermediateSentAt,
    holidays: options.holidays,
    timeZone: options.timeZone,
    weekendRule: options.weekendRule,
  });
  return {
    id: incident.id,
    classification,
    deadlines,
    reports: {
      initial: status(deadlines.initialDue, incident.initialSentAt, options.now),
      intermediate: status(deadlines.intermediateDue, incident.intermediateSentAt, options.now),
      final: status(deadlines.finalDue, incident.finalSentAt, options.now),
    },
  };
}
