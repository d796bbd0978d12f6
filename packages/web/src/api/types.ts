// The shapes the server answers with (packages/server/src/commands/*View); only what the web app reads.
import type { Action, AssessmentStatus, Profile, Role, ScopeJson } from '@mica-audit/core';

export interface Me {
  readonly user: { readonly id: string; readonly email: string; readonly name: string };
  readonly organisations: readonly Organisation[];
}

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly permissions: readonly Action[];
}

export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
}

export interface Entity {
  readonly id: string;
  readonly name: string;
  readonly profile: Profile;
}

export interface Engagement {
  readonly id: string;
  readonly organisationId: string;
  readonly entityId: string;
  readonly name: string;
  readonly phase: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly team: readonly string[];
  readonly profile: Profile;
  readonly catalogue: readonly { readonly id: string; readonly version: string }[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly permissions: readonly Action[];
  readonly assessments?: Readonly<Record<string, number>>;
  /** The entity profile version the engagement's snapshot was taken from. */
  readonly profileVersion?: number | null;
  /** `GET` of one engagement: the entity's newest profile version, and whether it is newer than the snapshot. */
  readonly latestProfileVersion?: number | null;
  readonly newerProfileAvailable?: boolean;
}

export interface Assessment {
  readonly id: string;
  readonly engagementId: string;
  readonly requirementUrn: string;
  readonly status: AssessmentStatus;
  readonly maturity: number | null;
  readonly observation: string;
  readonly interviewNotes: string;
  readonly assessorId: string | null;
  /** The team member the requirement is assigned to, or null. */
  readonly assigneeId: string | null;
  readonly version: number;
  readonly updatedAt: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export interface Evidence {
  readonly id: string;
  readonly engagementId: string | null;
  readonly title: string;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly fileName: string;
  readonly effectiveDate: string | null;
  readonly expiryDate: string | null;
  readonly previousId: string | null;
  readonly version: number;
  readonly uploadedBy: string | null;
  readonly createdAt: string;
  readonly requirementUrns: readonly string[];
}

/** One requirement of `GET …/scoping`: core's documented scope JSON contract. */
export type ScopedRequirement = ScopeJson['requirements'][number];

/** `GET …/scoping`: core's scope JSON contract. */
export type Scoping = ScopeJson;

/** `POST …/scoping/preview`: the scoping answer for a profile not yet an engagement, with counts by regulation. */
export type ScopingPreview = Scoping & {
  readonly counts: readonly {
    readonly regulation: string;
    readonly applicable: number;
    readonly excluded: number;
  }[];
};

/** An invitation not accepted yet (`GET …/invitations`), expired ones included. */
export interface Invitation {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  /** The language of the e-mail. */
  readonly lang: 'en' | 'fr';
  readonly invitedBy: string;
  readonly expiresAt: string;
  readonly createdAt: string;
  readonly expired: boolean;
  /** The e-mail of the current token (list only); null when the link was handed to the inviter (no mail set up). */
  readonly mail?: {
    readonly status: 'queued' | 'sending' | 'retrying' | 'sent' | 'skipped' | 'failed';
    readonly attempts: number;
    readonly error: string | null;
  } | null;
}

/** The answer to creating or resending an invitation: e-mail queued, or the accept link to pass on (shown once). */
export type InvitationSent = Invitation &
  (
    | { readonly mailed: true; readonly mailJobId: string }
    | { readonly mailed: false; readonly acceptUrl: string; readonly token: string }
  );

/** A requirement a re-scope would make applicable: new, or `restored` with the work kept while out of scope. */
export interface RescopeAdded {
  readonly urn: string;
  readonly regulation: string;
  readonly ref: string;
  readonly title: string;
  readonly reasons: readonly string[];
  readonly restored: boolean;
}

/** An assessed requirement a re-scope would take out of scope (kept, never deleted); null fields: left the catalogue. */
export interface RescopeRemoved {
  readonly urn: string;
  readonly regulation: string | null;
  readonly ref: string | null;
  readonly title: string | null;
  readonly reasons: readonly string[];
  readonly status: string;
  readonly hasWork: boolean;
}

/** `GET …/engagements/:id/rescope?lang=`: what applying the entity's newer profile would change. */
export interface Rescope {
  /** The engagement version the preview was computed on: send it back with `POST …/rescope`. */
  readonly version: number;
  readonly profileVersion: {
    readonly current: number | null;
    readonly target: number;
    readonly latest: number;
  };
  readonly added: readonly RescopeAdded[];
  readonly removed: readonly RescopeRemoved[];
  readonly unchanged: number;
  readonly warnings: readonly string[];
  /** False when applying would change nothing. */
  readonly changes: boolean;
}

/** `POST …/engagements/:id/rescope`: the engagement after, and the URNs that moved. */
export interface RescopeOutcome {
  readonly engagement: Engagement;
  readonly added: readonly string[];
  readonly restored: readonly string[];
  readonly removed: readonly string[];
}
