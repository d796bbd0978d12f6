/**
 * Everything the deliverables show, computed once from a snapshot and the catalogue it was scoped against. Pure: the
 * report date stands for "now", so the same snapshot always gives the same model.
 */
import {
  actionPlanSchema,
  assessIncident,
  caspPrudentialRequirement,
  compareRounds,
  computeScores,
  DEFAULT_RISK_MATRIX,
  DomainError,
  incidentSchema,
  indexCatalogue,
  riskRegister,
  riskRegisterSchema,
  scope,
  timeline,
  type ActionPlan,
  type AssessedIncident,
  type Catalogue,
  type CaspPrudentialRequirement,
  type Incident,
  type RiskMatrix,
  type RiskRegister,
  type RoundComparison,
  type ScopedRequirement,
  type ScoreReport,
  type ScoringInput,
  type Text,
  type TimelineEntry,
} from '@mica-audit/core';
import type { AssessmentRecord, EngagementSnapshot, EvidenceRecord } from '../snapshot.schema.ts';
import { snapshotRefs, type Refs } from './refs.ts';
import { decideVerdict, type Verdict } from './verdict.ts';

export interface RequirementView {
  readonly req: ScopedRequirement;
  /** Top-level node of the library: a title, chapter or annex (`Title V`). */
  readonly group: { readonly key: string; readonly ref: string; readonly title: Text };
  readonly assessment: AssessmentRecord | undefined;
}

export interface ReportModel {
  readonly snapshot: EngagementSnapshot;
  readonly catalogue: Catalogue;
  readonly requirements: readonly RequirementView[];
  readonly byUrn: ReadonlyMap<string, RequirementView>;
  readonly scores: ScoreReport;
  readonly comparison: RoundComparison | null;
  readonly evidence: ReadonlyMap<string, EvidenceRecord>;
  readonly matrix: RiskMatrix;
  readonly register: RiskRegister;
  readonly plan: ActionPlan;
  readonly timeline: readonly TimelineEntry[];
  readonly prudential: CaspPrudentialRequirement;
  readonly incidents: readonly { readonly incident: Incident; readonly assessed: AssessedIncident }[];
  readonly warnings: readonly string[];
  readonly verdict: Verdict;
  readonly groupTitles: ReadonlyMap<string, Text>;
  readonly domainNames: ReadonlyMap<string, Text>;
  /** Short references of findings, risks, evidence and incidents, as the report shows them. */
  readonly refs: Refs;
}

function checkVersions(snapshot: EngagementSnapshot, catalogue: Catalogue): void {
  const loaded = new Map(catalogue.libraries.map((l) => [l.id, l.version]));
  for (const wanted of snapshot.catalogue) {
    const version = loaded.get(wanted.id);
    if (version !== wanted.version) {
      throw new DomainError(
        'report.catalogue_mismatch',
        `the snapshot was scoped against ${wanted.id} ${wanted.version} but the catalogue has ${version ?? 'no such library'}; render with the catalogue version the engagement used`,
        { path: 'catalogue' },
      );
    }
  }
}

function scoringInput(
  requirements: readonly RequirementView[],
  assessments: readonly { urn: string; status: AssessmentRecord['status']; maturity?: number | undefined }[],
): ScoringInput {
  const known = new Set(requirements.map((r) => r.req.urn));
  return {
    requirements: requirements.map((r) => ({
      urn: r.req.urn,
      regulation: r.req.regulation,
      article: r.req.source.article,
      title: r.group.ref,
      domains: [...r.req.domains],
      applicable: r.req.applicable,
    })),
    assessments: assessments
      .filter((a) => known.has(a.urn))
      .map((a) =>
        a.maturity === undefined
          ? { urn: a.urn, status: a.status }
          : { urn: a.urn, status: a.status, maturity: a.maturity },
      ),
  };
}

/** Builds the report model; throws `report.catalogue_mismatch` when the catalogue is not the one the snapshot used. */
export function buildModel(snapshot: EngagementSnapshot, catalogue: Catalogue): ReportModel {
  checkVersions(snapshot, catalogue);
  const wantedLibraries = new Set(snapshot.catalogue.map((c) => c.id));
  const used: Catalogue = {
    ...catalogue,
    libraries: catalogue.libraries.filter((l) => wantedLibraries.has(l.id)),
  };
  const index = indexCatalogue(used);
  const scoped = scope(snapshot.profile, used);
  const assessments = new Map(snapshot.assessments.map((a) => [a.urn, a]));
  const groupTitles = new Map<string, Text>();
  const requirements = scoped.requirements.map((req): RequirementView => {
    let top = index.nodes.get(req.urn);
    while (top?.parent !== undefined) top = index.nodes.get(top.parent) ?? top;
    const ref = top?.ref ?? req.source.article;
    const key = `${req.regulation}:${ref}`;
    if (top !== undefined) groupTitles.set(key, top.title);
    return { req, group: { key, ref, title: top?.title ?? req.title }, assessment: assessments.get(req.urn) };
  });
  const scores = computeScores(scoringInput(requirements, snapshot.assessments));
  const comparison =
    snapshot.priorRound === undefined
      ? null
      : compareRounds(computeScores(scoringInput(requirements, snapshot.priorRound.assessments)), scores);
  const now = new Date(`${snapshot.engagement.reportDate}T12:00:00Z`);
  const matrix = snapshot.risks.matrix ?? DEFAULT_RISK_MATRIX;
  const register = riskRegister(riskRegisterSchema.parse(snapshot.risks.register), { now, matrix });
  const plan = actionPlanSchema.parse(snapshot.actions) as ActionPlan;
  const incidents = snapshot.incidents.map((raw) => {
    const incident = incidentSchema.parse(raw);
    return { incident, assessed: assessIncident(incident, { now, timeZone: 'Europe/Paris' }) };
  });
  const prudential = caspPrudentialRequirement(snapshot.profile);
  const base = {
    snapshot,
    catalogue: used,
    requirements,
    byUrn: new Map(requirements.map((r) => [r.req.urn, r])),
    scores,
    comparison,
    evidence: new Map(snapshot.evidence.map((e) => [e.id, e])),
    matrix,
    register,
    plan,
    timeline: timeline(plan),
    prudential,
    incidents,
    warnings: scoped.warnings,
    groupTitles,
    domainNames: new Map(used.domains.map((d) => [d.id, d.name])),
    refs: snapshotRefs(snapshot),
  };
  return { ...base, verdict: decideVerdict(base) };
}
