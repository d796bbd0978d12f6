// The register shapes the server answers with (packages/server/src/commands/{findings,risks-view,incidents,actions}.ts),
// as JSON: dates are ISO strings. Only what the registers screens read.
import type {
  IncidentClassification,
  IncidentImpact,
  Rating,
  ReportStatus,
  RiskMatrix,
  Treatment,
} from '@mica-audit/core';
import type { Page } from '../api/types.ts';

export interface AssetView {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly key: string | null;
  readonly criticality: string;
}

export interface StatusChange {
  readonly status: string;
  readonly at: string;
  readonly reason?: string;
  readonly actorId?: string;
}

export interface FindingView {
  readonly id: string;
  readonly assetId: string | null;
  readonly asset: string | null;
  readonly title: string;
  readonly severity: string;
  readonly cvss: number | null;
  readonly tool: string;
  readonly ruleId: string;
  readonly auditType: string | null;
  readonly status: string;
  readonly statusHistory: readonly StatusChange[];
  readonly requirementUrns: readonly string[];
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** What the importer kept beyond the columns (description, location, CVSS, CWE, CVE, evidence…). */
  readonly detail: unknown;
  readonly version: number;
}

export interface FacetValue {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

export interface FindingFacets {
  readonly total: number;
  readonly tools: readonly FacetValue[];
  readonly severities: readonly FacetValue[];
  readonly auditTypes: readonly FacetValue[];
  readonly statuses: readonly FacetValue[];
  readonly assets: readonly FacetValue[];
}

export interface Vulnerability {
  readonly id?: string;
  readonly description: string;
  readonly findingIds: readonly string[];
  readonly failedRequirementUrns: readonly string[];
}

export interface Acceptance {
  readonly by: string;
  readonly at: string;
  readonly rationale: string;
}

export interface RiskView {
  readonly id: string;
  readonly title: string;
  readonly assetIds: readonly string[];
  readonly threat: string;
  readonly vulnerabilities: readonly Vulnerability[];
  readonly likelihood: number;
  readonly impact: number;
  readonly residual: { readonly likelihood: number; readonly impact: number } | null;
  readonly controlEffectiveness: number | null;
  readonly treatment: Treatment;
  readonly acceptance: Acceptance | null;
  readonly ownerId: string | null;
  readonly nextReviewAt: string | null;
  readonly rating: { readonly inherent: Rating; readonly residual: Rating; readonly basis: string };
  readonly aboveAppetite: boolean;
  readonly overdue: boolean;
  readonly version: number;
}

export interface RiskPage extends Page<RiskView> {
  readonly appetite: number;
  readonly matrix: RiskMatrix;
  readonly assets: Readonly<Record<string, readonly { readonly id: string; readonly name: string }[]>>;
}

export interface HeatCell {
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly level: 'low' | 'medium' | 'high' | 'critical';
  readonly count: number;
  readonly riskIds: readonly string[];
}

export interface HeatMapView {
  readonly appetite: number;
  readonly likelihood: readonly string[];
  readonly impact: readonly string[];
  readonly inherent: readonly HeatCell[];
  readonly residual: readonly HeatCell[];
}

export type IncidentReport = 'initial' | 'intermediate' | 'final';

export interface IncidentView {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly occurredAt: string;
  readonly awareAt: string;
  readonly classifiedAt: string | null;
  readonly initialSentAt: string | null;
  readonly intermediateSentAt: string | null;
  readonly finalSentAt: string | null;
  readonly impact: IncidentImpact;
  readonly classification: IncidentClassification;
  readonly deadlines: {
    readonly initialDue: string;
    readonly intermediateDue: string | null;
    readonly finalDue: string | null;
  } | null;
  readonly reports: Readonly<Record<IncidentReport, ReportStatus>>;
  readonly timeZone: string;
  readonly version: number;
}

export interface PlanSource {
  readonly kind: 'gap' | 'finding' | 'risk';
  readonly id: string;
  readonly title: string;
  readonly priority: number;
}

export interface PlanItem {
  readonly id: string;
  readonly title: string;
  readonly sources: readonly PlanSource[];
  readonly priority: number;
  readonly effort: 'S' | 'M' | 'L';
  readonly impact: 'low' | 'medium' | 'high';
  readonly kind: 'quick-win' | 'strategic-project' | 'fill-in' | 'low-priority';
  readonly owner: string | null;
  readonly createdAt: string;
  readonly dueDate: string;
  readonly status: 'open' | 'in-progress' | 'blocked' | 'done' | 'source-resolved';
  readonly dependencies: readonly string[];
  readonly origin: 'generated' | 'merged' | 'split';
  readonly edits: Readonly<Record<string, { readonly by: string; readonly at: string }>>;
  readonly sourceResolved: boolean;
}

export interface PlanView {
  readonly version: number;
  readonly generatedAt: string | null;
  readonly items: readonly PlanItem[];
}

export interface MatrixCell {
  readonly impact: PlanItem['impact'];
  readonly effort: PlanItem['effort'];
  readonly kind: PlanItem['kind'];
  readonly count: number;
  readonly ids: readonly string[];
}

export interface TimelineEntry {
  readonly id: string;
  readonly title: string;
  readonly start: string;
  readonly due: string;
  readonly status: string;
  readonly dependencies: readonly string[];
  readonly dependencyConflict: boolean;
}
