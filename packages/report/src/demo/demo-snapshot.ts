/**
 * The demo engagement: a fictional French CASP (custody, exchange for funds, transfer) audited in autumn 2026.
 * Deterministic for a given seed, so its deliverables hash the same on every machine.
 */
import { createHash } from 'node:crypto';
import { loadValidCatalogue } from '@mica-audit/catalog';
import {
  editRecommendation,
  generatePlan,
  maxScore,
  DEFAULT_RISK_MATRIX,
  riskRegister,
  riskRegisterSchema,
  riskSourcesFromRegister,
  scope,
  type AssessmentStatus,
  type Catalogue,
  type Criticality,
} from '@mica-audit/core';
import { BLOCKING_DOMAINS } from '../model/verdict.ts';
import { parseSnapshot, type EngagementSnapshot } from '../snapshot.schema.ts';
import { EVIDENCE } from './demo-evidence.ts';
import { INCIDENT, RISK_REGISTER } from './demo-risks.ts';
import { FINDINGS_FRENCH } from './demo-findings-fr.ts';
import { FRENCH } from './demo-translations.ts';
import { assessments, findings } from './demo-assessments.ts';
import { rng } from './rng.ts';

const REPORT_DATE = '2026-11-13';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export const DEMO_PROFILE = {
  name: 'Exemple Custody SAS',
  memberState: 'FR',
  legalStatus: 'casp',
  services: ['custody', 'exchange-funds', 'transfer'],
  issuance: [],
  facts: {
    activeUsersEU: 180000,
    fixedOverheadsEUR: 1800000,
    ownFundsEUR: 520000,
    holdsClientCryptoAssets: true,
    holdsClientFunds: true,
    outsourcesOperationalFunctions: true,
    smartContracts: true,
  },
} as const;

function criticality(domains: readonly string[], status: string): Criticality {
  const blocking = domains.some((d) => BLOCKING_DOMAINS.includes(d));
  if (blocking && status === 'non-compliant') return 'critical';
  return blocking ? 'high' : 'medium';
}

/** The demo snapshot, scoped against `catalogue` (the bundled one in practice). */
export function demoSnapshot(catalogue: Catalogue, seed = 2026): EngagementSnapshot {
  const random = rng(seed);
  const scoped = scope(parseSnapshotProfile(), catalogue);
  const applicable = scoped.requirements.filter((r) => r.applicable);
  const assessed = assessments(
    applicable.map((r) => r.urn),
    random,
  );
  const found = findings(random);
  const byRule = (ruleId: string) => found.filter((f) => f.ruleId === ruleId).map((f) => f.id);
  const register = {
    ...RISK_REGISTER,
    risks: RISK_REGISTER.risks.map((risk) => ({
      ...risk,
      vulnerabilities: risk.vulnerabilities.map((v) => ({
        ...v,
        findingIds: v.findingIds.flatMap((id) => (id.startsWith('rule:') ? byRule(id.slice(5)) : [id])),
      })),
    })),
  };
  const now = new Date(`${REPORT_DATE}T12:00:00Z`);
  const rated = riskRegister(riskRegisterSchema.parse(register), { now });
  const domainsOf = new Map(applicable.map((r) => [r.urn, r.domains]));
  const titleOf = new Map(applicable.map((r) => [r.urn, r.title.en]));
  let plan = generatePlan(
    {
      gaps: assessed.flatMap((a) =>
        a.status === 'non-compliant' || a.status === 'partially-compliant'
          ? [
              {
                urn: a.urn,
                title: titleOf.get(a.urn) ?? a.urn,
                status: a.status,
                criticality: criticality(domainsOf.get(a.urn) ?? [], a.status),
              },
            ]
          : [],
      ),
      findings: found.map((f) => ({
        id: f.id,
        ruleId: f.ruleId,
        title: f.title,
        severity: f.severity,
        status: f.status === 'open' ? 'open' : 'closed',
        assetId: f.asset,
        requirementUrns: f.requirementUrns ?? [],
      })),
      risks: riskSourcesFromRegister(rated, maxScore(DEFAULT_RISK_MATRIX)),
    },
    { now },
  );
  const first = plan.items[0];
  if (first !== undefined) {
    plan = editRecommendation(
      plan,
      first.id,
      { status: 'in-progress', owner: 'CISO' },
      { by: 'Claire Martin', at: now },
    );
  }
  const evidence = EVIDENCE.map((e, i) => ({
    id: e.id,
    fileName: e.fileName,
    title: { en: e.en, fr: e.fr },
    sha256: sha(`${e.id}:${e.fileName}:${seed}`),
    size: 40_000 + Math.floor(random() * 2_000_000) + i,
    mediaType: e.mediaType,
    effectiveDate: e.effectiveDate,
    ...(e.expiryDate === undefined ? {} : { expiryDate: e.expiryDate }),
    urns: assessed.filter((a) => (a.evidenceIds ?? []).includes(e.id)).map((a) => a.urn),
  }));
  const prior = assessed.flatMap((a) => {
    if (a.status === 'not-assessed' || random() < 0.15) return [];
    const worse: AssessmentStatus =
      a.status === 'compliant' && random() < 0.35
        ? 'partially-compliant'
        : a.status === 'partially-compliant' && random() < 0.4
          ? 'non-compliant'
          : a.status;
    return [{ urn: a.urn, status: worse }];
  });
  return parseSnapshot({
    schemaVersion: 1,
    engagement: {
      id: 'ENG-2026-014',
      title: 'MiCA authorisation readiness audit',
      clientName: 'Exemple Custody SAS',
      auditFirm: 'Vérité & Associés Audit',
      leadAuditor: 'Claire Martin',
      startDate: '2026-09-07',
      endDate: '2026-10-30',
      reportDate: REPORT_DATE,
      reportVersion: '1.0',
      confidentiality: 'confidential',
      language: 'fr',
      auditLogHead: sha(`audit-log:ENG-2026-014:${seed}`),
    },
    profile: DEMO_PROFILE,
    catalogue: scoped.catalogue,
    methodology: {
      auditTypesPerformed: [
        'organisational',
        'architecture',
        'configuration',
        'intrusion-test',
        'code-review',
        'smart-contract',
      ],
      limitations: [
        {
          en: 'The intrusion test ran on the pre-production environment from 12 to 16 October 2026; production was tested for exposure only.',
          fr: "Le test d'intrusion a été mené sur la préproduction du 12 au 16 octobre 2026\u202f; la production n'a été testée que pour son exposition.",
        },
        {
          en: 'Smart-contract analysis covered the fee-collection contract only.',
          fr: "L'analyse de contrats intelligents n'a porté que sur le contrat de collecte des frais.",
        },
      ],
    },
    assessments: assessed,
    evidence,
    findings: found,
    risks: { register },
    actions: JSON.parse(JSON.stringify(plan)) as unknown,
    incidents: [INCIDENT],
    priorRound: { label: '2025 pre-assessment', date: '2025-11-28', assessments: prior },
    translations: { fr: { ...FRENCH, ...FINDINGS_FRENCH } },
  });
}

function parseSnapshotProfile() {
  return { ...DEMO_PROFILE, services: [...DEMO_PROFILE.services], issuance: [] };
}

/** The demo snapshot scoped against the bundled catalogue. */
export async function loadDemoSnapshot(seed = 2026): Promise<EngagementSnapshot> {
  return demoSnapshot(await loadValidCatalogue(), seed);
}
