/** The demo's assessments (hand-written observations first, seeded generic ones for the rest) and findings. */
import type { AssessmentStatus } from '@mica-audit/core';
import type { SnapshotInput } from '../snapshot.schema.ts';
import { EVIDENCE } from './demo-evidence.ts';
import { FINDING_TEMPLATES } from './demo-findings.ts';
import { GENERIC, OBSERVATIONS } from './demo-observations.ts';
import type { Rng } from './rng.ts';

const PREFIX = 'urn:mica-audit:';
const ASSESSORS = ['Claire Martin', 'Julien Lefèvre', 'Sofia Haddad'];
const NA_TEXT = {
  en: 'Not relevant to the services provided; agreed with the compliance officer.',
  fr: 'Sans objet au regard des services fournis\u202f; validé avec le responsable de la conformité.',
};

function genericStatus(random: Rng): AssessmentStatus {
  const x = random();
  if (x < 0.5) return 'compliant';
  if (x < 0.74) return 'partially-compliant';
  if (x < 0.84) return 'non-compliant';
  if (x < 0.87) return 'not-applicable';
  return 'not-assessed';
}

export function assessments(urns: readonly string[], random: Rng): SnapshotInput['assessments'] {
  return urns.map((urn, i) => {
    const own = OBSERVATIONS[urn.slice(PREFIX.length)];
    const assessor = ASSESSORS[i % ASSESSORS.length] ?? 'Claire Martin';
    if (own !== undefined) {
      return {
        urn,
        status: own.status,
        ...(own.status === 'not-assessed' || own.status === 'not-applicable'
          ? {}
          : { maturity: own.maturity }),
        observation: { en: own.en, fr: own.fr },
        interviewNotes:
          own.status === 'non-compliant'
            ? [
                {
                  date: '2026-10-06',
                  interviewee: 'Compliance officer',
                  note: {
                    en: 'Confirms the gap; a remediation plan will go to the December board meeting.',
                    fr: "Confirme l'écart\u202f; un plan de remédiation sera soumis au conseil de décembre.",
                  },
                },
              ]
            : [],
        assessor,
        assessedAt: '2026-10-20',
        evidenceIds: [...own.evidence],
      };
    }
    const status = genericStatus(random);
    const withText = random() < 0.6;
    const pool =
      status === 'compliant' || status === 'partially-compliant' || status === 'non-compliant'
        ? GENERIC[status]
        : null;
    const text =
      status === 'not-applicable'
        ? NA_TEXT
        : pool === null || !withText
          ? undefined
          : pool[Math.floor(random() * pool.length)];
    const maturity =
      status === 'compliant'
        ? 3 + Math.floor(random() * 3)
        : status === 'partially-compliant'
          ? 2 + Math.floor(random() * 2)
          : status === 'non-compliant'
            ? Math.floor(random() * 2)
            : undefined;
    const evidence =
      status === 'not-assessed' || random() < 0.5
        ? []
        : [EVIDENCE[Math.floor(random() * EVIDENCE.length)]?.id ?? 'EV-01'];
    return {
      urn,
      status,
      ...(maturity === undefined ? {} : { maturity }),
      ...(text === undefined ? {} : { observation: text }),
      ...(status === 'not-assessed' ? {} : { assessor, assessedAt: '2026-10-2' + String(i % 8) }),
      evidenceIds: evidence,
    };
  });
}

export function findings(random: Rng): SnapshotInput['findings'] {
  const out: SnapshotInput['findings'] = [];
  for (const tpl of FINDING_TEMPLATES) {
    for (const at of tpl.at) {
      const n = out.length + 1;
      const status =
        tpl.severity === 'info'
          ? 'false-positive'
          : tpl.ruleId === '40012'
            ? 'fixed'
            : tpl.ruleId === 'timestamp'
              ? 'accepted'
              : random() < 0.08
                ? 'fixed'
                : 'open';
      out.push({
        id: `F-${String(n).padStart(3, '0')}`,
        tool: tpl.tool,
        ruleId: tpl.ruleId,
        title: tpl.title,
        description: tpl.description,
        remediation: tpl.remediation,
        severity: tpl.severity,
        ...(tpl.cvss === undefined
          ? {}
          : { cvss: { version: '3.1', score: tpl.cvss.score, vector: tpl.cvss.vector } }),
        cwe: [...tpl.cwe],
        location: at.location,
        asset: at.asset,
        auditType: tpl.auditType,
        status,
        requirementUrns: [...tpl.urns],
        firstSeen: `2026-10-${String(5 + (n % 20)).padStart(2, '0')}`,
      });
    }
  }
  return out;
}
