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
