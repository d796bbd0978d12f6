import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A JSON column: written as JSON text (see `json()`), read back parsed — the same on pg and PGlite. */
type Json<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export type Role = 'admin' | 'lead-auditor' | 'auditor' | 'contributor' | 'reviewer';
export type AssessmentStatus =
  'compliant' | 'partially-compliant' | 'non-compliant' | 'not-applicable' | 'not-assessed';

interface Tenant {
  id: string;
  organisation_id: string;
  created_at: CreatedAt;
}

export interface OrganisationTable {
  id: string;
  name: string;
  created_at: CreatedAt;
}
export interface UserTable {
  id: string;
  email: string;
  name: string;
  email_verified: Generated<boolean>;
  two_factor_enabled: Generated<boolean>;
  image: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export interface MembershipTable {
  organisation_id: string;
  user_id: string;
  role: Role;
  created_at: CreatedAt;
}
/** better-auth's session table. */
export interface AuthSessionTable {
  id: string;
  user_id: string;
  token: string;
  expires_at: Date;
  ip_address: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
/** better-auth's account table: `provider_id = 'credential'` rows hold the password hash. */
export interface AuthAccountTable {
  id: string;
  user_id: string;
  account_id: string;
  provider_id: string;
  password: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  last_used_at: Date | null;
  created_at: CreatedAt;
}
export interface EntityTable extends Tenant {
  name: string;
}
export interface EntityProfileTable extends Tenant {
  entity_id: string;
  version: number;
  profile: Json<unknown>;
  created_by: string | null;
}
export interface EngagementTable extends Tenant {
  entity_id: string;
  name: string;
  profile: Json<unknown>;
  catalogue: Json<readonly { id: string; version: string }[]>;
  phase: string;
  start_date: string | null;
  end_date: string | null;
  team: Json<readonly string[]>;
  version: Generated<number>;
  updated_at: UpdatedAt;
}
export interface AssessmentTable extends Tenant {
  engagement_id: string;
  requirement_urn: string;
  status: AssessmentStatus;
  maturity: number | null;
  observation: Generated<string>;
  interview_notes: Generated<string>;
  assessor_id: string | null;
  version: Generated<number>;
  updated_at: UpdatedAt;
}
export interface EvidenceTable extends Tenant {
  engagement_id: string | null;
  title: string;
  sha256: string;
  size: number;
  media_type: string;
  file_name: string;
  effective_date: string | null;
  expiry_date: string | null;
  previous_id: string | null;
  version: Generated<number>;
  uploaded_by: string | null;
}
export interface EvidenceLinkTable extends Tenant {
  evidence_id: string;
  requirement_urn: string;
}
export interface AssetTable extends Tenant {
  engagement_id: string | null;
  name: string;
  kind: string;
  description: Generated<string>;
  criticality: Generated<string>;
}
export interface FindingTable extends Tenant {
  engagement_id: string;
  asset_id: string | null;
  title: string;
  severity: string;
  cvss: number | null;
  source: string;
  fingerprint: string;
  status: Generated<string>;
  detail: Json<unknown>;
}
export interface RiskTable extends Tenant {
  engagement_id: string;
  title: string;
  likelihood: number;
  impact: number;
  treatment: Generated<string>;
  owner_id: string | null;
  detail: Json<unknown>;
}
export interface ActionTable extends Tenant {
  engagement_id: string;
  title: string;
  priority: string;
  status: Generated<string>;
  due_date: string | null;
  owner_id: string | null;
  detail: Json<unknown>;
}
export interface IncidentTable extends Tenant {
  engagement_id: string | null;
  title: string;
  occurred_at: Date;
  status: Generated<string>;
  classification: Json<unknown>;
}
export interface CommentTable extends Tenant {
  target_type: string;
  target_id: string;
  author_id: string;
  body: string;
}
export interface JobTable extends Tenant {
  kind: string;
  status: Generated<string>;
  progress: Generated<number>;
  payload: Json<unknown>;
  result: Json<unknown> | null;
  error: string | null;
  updated_at: UpdatedAt;
}
export interface InvitationTable extends Tenant {
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
}
export interface AuditLogTable {
  seq: number;
  organisation_id: string | null;
  actor_id: string | null;
  at: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  prev_hash: string;
  hash: string;
}

export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  memberships: MembershipTable;
  auth_sessions: AuthSessionTable;
  auth_accounts: AuthAccountTable;
  api_tokens: ApiTokenTable;
  entities: EntityTable;
  entity_profiles: EntityProfileTable;
  engagements: EngagementTable;
  assessments: AssessmentTable;
  evidence: EvidenceTable;
  evidence_links: EvidenceLinkTable;
  assets: AssetTable;
  findings: FindingTable;
  risks: RiskTable;
  actions: ActionTable;
  incidents: IncidentTable;
  comments: CommentTable;
  jobs: JobTable;
  invitations: InvitationTable;
  audit_log: AuditLogTable;
}

export type Engagement = Selectable<EngagementTable>;
export type Assessment = Selectable<AssessmentTable>;
export type Evidence = Selectable<EvidenceTable>;
export type NewAssessment = Insertable<AssessmentTable>;
export type Invitation = Selectable<InvitationTable>;
