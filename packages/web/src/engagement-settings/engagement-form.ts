import type { Engagement } from '../api/types.ts';

/** The audit phases of PRODUCT.md, in order; the server accepts exactly these. */
export const PHASES = [
  'scoping',
  'assessment',
  'diagnosis',
  'risk',
  'action-plan',
  'reporting',
  'closed',
] as const;
export type Phase = (typeof PHASES)[number];

/** What the settings form edits: dates as the date inputs hold them ('' = none). */
export interface EngagementDraft {
  readonly name: string;
  readonly phase: Phase;
  readonly startDate: string;
  readonly endDate: string;
  readonly team: readonly string[];
}

/** The body of `PATCH …/engagements/:id`: the version edited and only the fields that changed. */
export interface EngagementPatch {
  readonly version: number;
  readonly name?: string;
  readonly phase?: Phase;
  readonly startDate?: string | null;
  readonly endDate?: string | null;
  readonly team?: readonly string[];
}

function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

/** The form's starting point: the engagement as the server holds it. */
export function draftOf(engagement: Engagement): EngagementDraft {
  return {
    name: engagement.name,
    // A phase this app does not know (a newer server) is shown as the first one rather than lost silently.
    phase: isPhase(engagement.phase) ? engagement.phase : 'scoping',
    startDate: engagement.startDate ?? '',
    endDate: engagement.endDate ?? '',
    team: engagement.team,
  };
}

const sameMembers = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The change from `engagement` to `draft`, or undefined when nothing changed. */
export function patchOf(engagement: Engagement, draft: EngagementDraft): EngagementPatch | undefined {
  const base = draftOf(engagement);
  const patch: {
    -readonly [K in keyof EngagementPatch]: EngagementPatch[K];
  } = { version: engagement.version };
  const name = draft.name.trim();
  if (name !== base.name) patch.name = name;
  if (draft.phase !== engagement.phase) patch.phase = draft.phase;
  if (draft.startDate !== base.startDate) patch.startDate = draft.startDate === '' ? null : draft.startDate;
  if (draft.endDate !== base.endDate) patch.endDate = draft.endDate === '' ? null : draft.endDate;
  if (!sameMembers(draft.team, base.team)) patch.team = [...draft.team];
  return Object.keys(patch).length === 1 ? undefined : patch;
}

/** The first problem of the draft as a message key and its field, or undefined when it can be saved. */
export function draftProblem(
  draft: EngagementDraft,
):
  | { readonly field: 'name' | 'endDate'; readonly key: 'team.nameRequired' | 'team.endBeforeStart' }
  | undefined {
  if (draft.name.trim() === '') return { field: 'name', key: 'team.nameRequired' };
  // ISO dates compare as text.
  if (draft.startDate !== '' && draft.endDate !== '' && draft.endDate < draft.startDate)
    return { field: 'endDate', key: 'team.endBeforeStart' };
  return undefined;
}

/** Adds or removes one member of the team, keeping the others in their order. */
export function toggleMember(team: readonly string[], userId: string, member: boolean): string[] {
  if (!member) return team.filter((id) => id !== userId);
  return team.includes(userId) ? [...team] : [...team, userId];
}
