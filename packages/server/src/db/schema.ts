import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A JSON column: written as JSON text (see `json()`), read back parsed — the same on pg and PGlite. */
type Json<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type OptionalDate = ColumnType<Date | null, Date | null | undefined, Date | null>;

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
  /** The risk register's likelihood × impact matrix and appetite; null = core's default 5×5 and its appetite. */
  risk_matrix: ColumnType<unknown, string | null | undefined, string | null>;
  risk_appetite: ColumnType<number | null, number | null | undefined, number | null>;
  /** The entity profile version the snapshot was taken from (migration 20261122161000). */
  profile_version: ColumnType<number | null, number | null | undefined, number | null>;
}
/** Why an assessment left the scope: kept with the auditor's work, excluded from lists, scores and reports. */
export interface OutOfScope {
  readonly since: string;
  readonly by: string;
  readonly profileVersion: number | null;
  readonly reasons: readonly { readonly en: string; readonly fr: string }[];
}
export interface AssessmentTable extends Tenant {
  engagement_id: string;
  requirement_urn: string;
  status: AssessmentStatus;
  maturity: number | null;
  observation: Generated<string>;
  interview_notes: Generated<string>;
  assessor_id: string | null;
  /** The team member the requirement is assigned to (migration 20261122163000). */
  assignee_id: string | null;
  /** Null while the requirement applies; set (never deleted) when a re-scope took it out (migration 20261122161000). */
  out_of_scope: ColumnType<OutOfScope | null, string | null | undefined, string | null>;
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
  /** Normalised key from an importer (`10.0.0.2`, `https://app.example.com`…); unique per engagement and kind. */
  key: string | null;
  details: ColumnType<unknown, string | undefined, string>;
  version: Generated<number>;
  updated_at: UpdatedAt;
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
  rule_id: Generated<string>;
  audit_type: string | null;
  asset_key: string | null;
  requirements: ColumnType<readonly string[], string | undefined, string>;
  status_history: ColumnType<readonly unknown[], string | undefined, string>;
  first_seen: ColumnType<Date, Date | string | undefined, Date | string>;
  last_seen: ColumnType<Date, Date | string | undefined, Date | string>;
  import_id: string | null;
  version: Generated<number>;
  updated_at: UpdatedAt;
}
/** One imported tool file: what it held and what it changed. */
export interface ImportTable extends Tenant {
  engagement_id: string;
  file_name: string;
  sha256: string;
  size: number;
  format: string;
  tool: string;
  tool_version: string | null;
  counts: Json<unknown>;
  actor_id: string | null;
  /** The import job that stored the file, and the file's position in its upload (null for CLI imports). */
  job_id: ColumnType<string | null, string | null | undefined, string | null>;
  job_file: ColumnType<number | null, number | null | undefined, number | null>;
}
export interface RiskTable extends Tenant {
  engagement_id: string;
  title: string;
  likelihood: number;
  impact: number;
  treatment: Generated<string>;
  owner_id: string | null;
  detail: Json<unknown>;
  version: Generated<number>;
  updated_at: UpdatedAt;
  next_review_at: OptionalDate;
}
export interface ActionTable extends Tenant {
  engagement_id: string;
  title: string;
  priority: string;
  status: Generated<string>;
  due_date: string | null;
  owner_id: string | null;
  detail: Json<unknown>;
  version: Generated<number>;
  updated_at: UpdatedAt;
}
export interface IncidentTable extends Tenant {
  engagement_id: string | null;
  title: string;
  occurred_at: Date;
  status: Generated<string>;
  classification: Json<unknown>;
  version: Generated<number>;
  updated_at: UpdatedAt;
  aware_at: OptionalDate;
  classified_at: OptionalDate;
  initial_sent_at: OptionalDate;
  intermediate_sent_at: OptionalDate;
  final_sent_at: OptionalDate;
  impact: ColumnType<unknown, string | undefined, string>;
}
/** The persisted action plan of an engagement (core's ActionPlan as JSON), one row per engagement. */
export interface ActionPlanTable extends Tenant {
  engagement_id: string;
  plan: Json<unknown>;
  version: Generated<number>;
  updated_at: UpdatedAt;
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
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  /** The worker holding the lease, and until when; an expired lease means the job is claimed again. */
  locked_by: string | null;
  locked_until: Date | null;
  created_by: string | null;
}
export interface ReportTable extends Tenant {
  engagement_id: string;
  job_id: string | null;
  lang: 'en' | 'fr';
  report_version: string;
  /** `{ file, format, sha256, size, mediaType }[]`: the content lives in the store under its SHA-256. */
  files: Json<readonly ReportFileRow[]>;
  manifest: Json<unknown>;
  audit_log_head: string;
  issued_by: string | null;
}
export interface ReportFileRow {
  readonly file: string;
  readonly format: string;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
}
export interface InvitationTable extends Tenant {
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
  /** The invitee's language for the e-mail (migration 20261122161500). */
  lang: ColumnType<'en' | 'fr', 'en' | 'fr' | undefined, 'en' | 'fr'>;
  /** The job sending the current token's e-mail; null when the accept link went to the inviter. */
  mail_job_id: ColumnType<string | null, string | null | undefined, string | null>;
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

/** Failed sign-ins per account or address (see security/sign-in-throttle.ts). */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  locked_until: Date | null;
  updated_at: UpdatedAt;
}

/** Installation-wide maintenance with a lease, so one process runs it per period (see evidence/gc-schedule.ts). */
export interface MaintenanceTaskTable {
  task: string;
  next_run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_by: string | null;
  locked_until: Date | null;
  last_result: Json<unknown> | null;
  last_error: string | null;
  updated_at: UpdatedAt;
}

/**
 * How many statements changed an engagement's assessments: bumped by triggers (migration 20261122160000), written by
 * no code, keys of the read cache (commands/read-cache.ts). Derived, not tenant data: backups leave it out.
 */
export interface EngagementRevisionTable {
  engagement_id: string;
  assessments: ColumnType<number, never, never>;
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
  engagement_revisions: EngagementRevisionTable;
  assessments: AssessmentTable;
  evidence: EvidenceTable;
  evidence_links: EvidenceLinkTable;
  assets: AssetTable;
  findings: FindingTable;
  imports: ImportTable;
  risks: RiskTable;
  actions: ActionTable;
  incidents: IncidentTable;
  action_plans: ActionPlanTable;
  comments: CommentTable;
  jobs: JobTable;
  reports: ReportTable;
  invitations: InvitationTable;
  audit_log: AuditLogTable;
  sign_in_throttle: SignInThrottleTable;
  maintenance_tasks: MaintenanceTaskTable;
}

export type Engagement = Selectable<EngagementTable>;
export type Assessment = Selectable<AssessmentTable>;
export type Evidence = Selectable<EvidenceTable>;
export type NewAssessment = Insertable<AssessmentTable>;
export type Invitation = Selectable<InvitationTable>;
export type Job = Selectable<JobTable>;
export type Report = Selectable<ReportTable>;
