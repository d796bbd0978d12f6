import type { IncidentView } from './types.ts';

// The incident form is a flat record of input texts keyed by the server's own paths (`impact.clients.affected`),
// so one generic input renders each field and the server's `path: message` lands next to its input.

export const INCIDENT_TIMES = [
  'occurredAt',
  'awareAt',
  'classifiedAt',
  'initialSentAt',
  'intermediateSentAt',
  'finalSentAt',
] as const;
export type IncidentTime = (typeof INCIDENT_TIMES)[number];

/** Counts and amounts of core's incidentImpactSchema (Delegated Regulation (EU) 2024/1772 Art. 9). */
export const IMPACT_NUMBERS = [
  'impact.clients.affected',
  'impact.clients.total',
  'impact.clients.counterpartsAffected',
  'impact.clients.counterpartsTotal',
  'impact.clients.transactionsAffected',
  'impact.clients.transactionsDailyAverage',
  'impact.clients.transactionValueAffectedEUR',
  'impact.clients.transactionValueDailyAverageEUR',
  'impact.durationHours',
  'impact.criticalServiceDowntimeHours',
  'impact.economicImpactEUR',
] as const;

/** Yes / no / not known: an unknown value leaves its criterion undetermined rather than "not met". */
export const IMPACT_FLAGS = [
  'impact.clients.relevantAffected',
  'impact.reputational.mediaAttention',
  'impact.reputational.repetitiveComplaints',
  'impact.reputational.regulatoryRequirementsAtRisk',
  'impact.reputational.clientLossLikely',
  'impact.dataLosses.adverseImpact',
  'impact.dataLosses.maliciousUnauthorisedAccess',
] as const;

export type IncidentField =
  | 'title'
  | 'status'
  | IncidentTime
  | 'impact.criticalServicesAffected'
  | (typeof IMPACT_NUMBERS)[number]
  | (typeof IMPACT_FLAGS)[number]
  | 'impact.memberStatesImpacted';

export type IncidentDraft = Readonly<Record<IncidentField, string>>;

export const INCIDENT_FIELDS: readonly IncidentField[] = [
  'title',
  'status',
  ...INCIDENT_TIMES,
  'impact.criticalServicesAffected',
  ...IMPACT_NUMBERS,
  ...IMPACT_FLAGS,
  'impact.memberStatesImpacted',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:mm` in the browser's time zone (what `<input type="datetime-local">` shows) for an instant. */
export function localInput(iso: string | null): string {
  if (iso === null || iso === '') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a `datetime-local` value means in the browser's time zone, as ISO; undefined when empty. */
export function instantOf(local: string): string | undefined {
  if (local.trim() === '') return undefined;
  const d = new Date(local);
  // Not a date: sent as typed, so the server's 400 names the field.
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

/** A new incident that happened, and was noticed, at `now`. */
export function emptyIncident(now: Date): IncidentDraft {
  const blank = Object.fromEntries(INCIDENT_FIELDS.map((f) => [f, ''])) as Record<IncidentField, string>;
  const at = localInput(now.toISOString());
  return {
    ...blank,
    status: 'open',
    occurredAt: at,
    awareAt: at,
    'impact.criticalServicesAffected': 'false',
  };
}

function read(source: unknown, path: string): unknown {
  let value = source;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The form's values for a stored incident. */
export function incidentDraftOf(incident: IncidentView): IncidentDraft {
  const draft: Record<string, string> = { title: incident.title, status: incident.status };
  for (const time of INCIDENT_TIMES) draft[time] = localInput(incident[time]);
  draft['impact.criticalServicesAffected'] = String(incident.impact.criticalServicesAffected);
  for (const path of [...IMPACT_NUMBERS, ...IMPACT_FLAGS]) {
    const value = read(incident, path);
    draft[path] = typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  }
  draft['impact.memberStatesImpacted'] = (incident.impact.memberStatesImpacted ?? []).join(', ');
  return draft as IncidentDraft;
}

function write(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const child = (target[head] ??= {}) as Record<string, unknown>;
  write(child, rest, value);
}

/**
 * The body of `POST …/incidents` (with `version`, of `PATCH`): empty counts and unknown flags are left out, empty
 * report times are sent as null so clearing one on an edit clears it on the server.
 */
export function incidentBody(draft: IncidentDraft) {
  const body: Record<string, unknown> = { title: draft.title, status: draft.status };
  for (const time of INCIDENT_TIMES) {
    const instant = instantOf(draft[time]);
    // occurredAt and awareAt are required: an empty one is sent as '' so the server names it.
    body[time] = instant ?? (time === 'occurredAt' || time === 'awareAt' ? '' : null);
  }
  const impact: Record<string, unknown> = {
    criticalServicesAffected: draft['impact.criticalServicesAffected'] === 'true',
    clients: {},
    reputational: {},
    dataLosses: {},
  };
  for (const path of IMPACT_NUMBERS) {
    const text = draft[path].trim();
    if (text === '') continue;
    const n = Number(text);
    write(impact, path.split('.').slice(1), Number.isFinite(n) ? n : text);
  }
  for (const path of IMPACT_FLAGS)
    if (draft[path] === 'true' || draft[path] === 'false')
      write(impact, path.split('.').slice(1), draft[path] === 'true');
  const states = draft['impact.memberStatesImpacted']
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== '');
  if (states.length > 0) impact.memberStatesImpacted = states;
  body.impact = impact;
  return body;
}
