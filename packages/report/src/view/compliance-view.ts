/** Statement of applicability, results, gaps with their evidence and technical findings, in one language. */
import { t } from '../i18n/labels.ts';
import {
  ASSESSMENT_STATUS_LABELS,
  AUDIT_TYPE_LABELS,
  FINDING_STATUS_LABELS,
  SEVERITY_LABELS,
  word,
} from '../i18n/vocabulary.ts';
import type { ReportModel, RequirementView } from '../model/build-model.ts';
import { refOf } from '../model/refs.ts';
import { BLOCKING_DOMAINS } from '../model/verdict.ts';
import {
  AUDIT_TYPES,
  FINDING_SEVERITIES,
  type FindingLocation,
  type FindingRecord,
  type ReportLang,
} from '../snapshot.schema.ts';
import {
  colon,
  groupLabel,
  num,
  pick,
  refCode,
  refIn,
  reqCode,
  reqLabel,
  semicolons,
  translator,
} from './format.ts';
import { groupTable } from './summary-view.ts';
import type { FindingDetail, GapView, ReportView, Table } from './types.ts';

export const MAX_GAPS = 60;
export const MAX_FINDING_ROWS = 150;
const DETAILED_FINDINGS = 8;

function statusOf(r: RequirementView): keyof typeof ASSESSMENT_STATUS_LABELS {
  if (!r.req.applicable) return 'not-applicable';
  return r.assessment?.status ?? 'not-assessed';
}

/**
 * A scoping reason as the client reads it: the profile field a missing fact comes from (`facts.holdsClientFunds`)
 * helps the auditor, who finds it in the workbook, but means nothing in the report.
 */
export function readableReason(reason: string): string {
  return reason.replace(/\(facts\.[\w.]+\s?;\s*/g, '(');
}

export function soaSection(model: ReportModel, lang: ReportLang): ReportView['soa'] {
  const groups = new Map<string, RequirementView[]>();
  for (const r of model.requirements) groups.set(r.group.key, [...(groups.get(r.group.key) ?? []), r]);
  const applicable = model.requirements.filter((r) => r.req.applicable).length;
  return {
    intro: t(lang, 'soaIntro'),
    count: `${model.requirements.length} ${t(lang, 'soaCount')} ${applicable}`,
    groups: [...groups.values()].map((items) => {
      const first = items[0]!;
      return {
        title: `${first.req.regulation} ${refIn(first.group.ref, lang)} — ${first.group.title[lang]}`,
        table: {
          columns: [
            t(lang, 'ref'),
            t(lang, 'requirement'),
            t(lang, 'applicable'),
            t(lang, 'reason'),
            t(lang, 'status'),
          ],
          widths: [1.5, 3.6, 1.3, 3.4, 1.5],
          rows: items.map((r) => [
            refCode(r.req.ref, lang),
            r.req.title[lang],
            t(lang, r.req.applicable ? 'yes' : 'no'),
            semicolons(
              r.req.reasons.map((x) => readableReason(x[lang])),
              lang,
            ),
            ASSESSMENT_STATUS_LABELS[statusOf(r)][lang],
          ]),
          tones: items.map(statusOf),
        },
      };
    }),
  };
}

export function resultsSection(model: ReportModel, lang: ReportLang): ReportView['results'] {
  const s = model.scores;
  const counts = s.overall.statusCounts;
  const applicableStatuses = ['compliant', 'partially-compliant', 'non-compliant', 'not-assessed'] as const;
  return {
    titles: groupTable(
      s.byTitle,
      (g) => `${groupLabel(g.key, lang)} — ${model.groupTitles.get(g.key)?.[lang] ?? ''}`,
      t(lang, 'title'),
      lang,
    ),
    domains: groupTable(
      s.byDomain,
      (g) => model.domainNames.get(g.key)?.[lang] ?? g.key,
      t(lang, 'domain'),
      lang,
    ),
    articles: groupTable(
      s.byArticle.filter((g) => g.applicable > 0),
      (g) => {
        const [reg, art] = g.key.split(':');
        return /^\d/.test(art ?? '') ? `${reg} Art. ${art}` : `${reg} ${art}`;
      },
      t(lang, 'article'),
      lang,
    ),
    statuses: {
      columns: [t(lang, 'status'), t(lang, 'requirements')],
      widths: [4, 2],
      rows: applicableStatuses.map((k) => [ASSESSMENT_STATUS_LABELS[k][lang], String(counts[k])]),
      tones: [...applicableStatuses],
    },
  };
}

function gapRank(r: RequirementView): number {
  const nc = r.assessment?.status === 'non-compliant' ? 0 : 2;
  const blocking = r.req.domains.some((d) => BLOCKING_DOMAINS.includes(d)) ? 0 : 1;
  return nc + blocking;
}

export function gapsSection(model: ReportModel, lang: ReportLang): ReportView['gaps'] {
  const tr = translator(model.snapshot, lang);
  const gaps = model.requirements
    .filter(
      (r) =>
        r.req.applicable &&
        (r.assessment?.status === 'non-compliant' || r.assessment?.status === 'partially-compliant'),
    )
    .sort((a, b) => gapRank(a) - gapRank(b));
  const items = gaps.slice(0, MAX_GAPS).map((r): GapView => {
    const a = r.assessment!;
    const evidence = a.evidenceIds.flatMap((id) => model.evidence.get(id) ?? []);
    return {
      ref: reqCode(r.req, lang),
      title: r.req.title[lang],
      status: ASSESSMENT_STATUS_LABELS[a.status][lang],
      tone: a.status,
      domains: r.req.domains.map((d) => model.domainNames.get(d)?.[lang] ?? d).join(', '),
      observation: pick(a.observation, lang),
      // The workspace records notes without an interviewee as a dash: the note then starts after the date.
      notes: a.interviewNotes.map(
        (n) =>
          `${n.date}${n.interviewee === '—' ? '' : `, ${tr(n.interviewee)}`}${colon(lang)}${pick(n.note, lang)}`,
      ),
      assessor: a.assessor ?? '',
      evidence:
        evidence.length === 0
          ? null
          : {
              columns: [t(lang, 'fileName'), t(lang, 'sha256'), t(lang, 'effective')],
              widths: [3.2, 5.4, 1.5],
              rows: evidence.map((e) => [e.fileName, e.sha256, e.effectiveDate]),
              mono: 1,
            },
    };
  });
  return {
    intro: t(lang, 'gapsIntro'),
    items,
    note: gaps.length > MAX_GAPS ? t(lang, 'gapsTruncated', { shown: MAX_GAPS, total: gaps.length }) : '',
  };
}

export function locationText(l: FindingLocation): string {
  switch (l.kind) {
    case 'file':
      return l.line === undefined ? l.file : `${l.file}:${l.line}`;
    case 'url':
      return `${l.method ?? ''} ${l.url}`.trim();
    case 'host':
      return `${l.host}${l.port === undefined ? '' : `:${l.port}`}`;
    case 'cloud':
      return l.resourceId;
    case 'contract':
      return `${l.contract}${l.function === undefined ? '' : `.${l.function}()`}${l.line === undefined ? '' : `:${l.line}`}`;
    case 'package':
      return `${l.name}${l.version === undefined ? '' : `@${l.version}`}`;
    case 'none':
      return '—';
  }
}

const rank = (f: FindingRecord) => FINDING_SEVERITIES.indexOf(f.severity) * 100 - (f.cvss?.score ?? 0);

/** Findings most severe first (then CVSS, then id): the order of every findings table. */
export function sortedFindings(findings: readonly FindingRecord[]): FindingRecord[] {
  return [...findings].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

export function findingsSection(model: ReportModel, lang: ReportLang): ReportView['findings'] {
  const tr = translator(model.snapshot, lang);
  const ref = (f: FindingRecord) => refOf(model.refs.findings, f.id);
  const open = sortedFindings(model.snapshot.findings.filter((f) => f.status === 'open'));
  const types = AUDIT_TYPES.filter((a) => model.snapshot.findings.some((f) => f.auditType === a));
  const matrix: Table = {
    columns: [
      t(lang, 'auditType'),
      ...FINDING_SEVERITIES.map((s) => SEVERITY_LABELS[s][lang]),
      t(lang, 'total'),
    ],
    widths: [4, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2],
    rows: [...types, 'total' as const].map((a) => {
      const of = open.filter((f) => a === 'total' || f.auditType === a);
      return [
        a === 'total' ? t(lang, 'total') : AUDIT_TYPE_LABELS[a][lang],
        ...FINDING_SEVERITIES.map((s) => String(of.filter((f) => f.severity === s).length)),
        String(of.length),
      ];
    }),
  };
  const detail = open.slice(0, DETAILED_FINDINGS).map((f): FindingDetail => ({
    id: ref(f),
    title: tr(f.title),
    tone: f.severity,
    facts: [
      { label: t(lang, 'severity'), value: SEVERITY_LABELS[f.severity][lang] },
      {
        label: t(lang, 'cvss'),
        value:
          f.cvss === undefined
            ? '—'
            : `${num(f.cvss.score, lang, 1)}${f.cvss.vector === undefined ? '' : ` ${f.cvss.vector}`}`,
      },
      { label: t(lang, 'cwe'), value: f.cwe.length === 0 ? '—' : f.cwe.map((c) => `CWE-${c}`).join(', ') },
      { label: t(lang, 'auditType'), value: AUDIT_TYPE_LABELS[f.auditType][lang] },
      // A finding entered by hand has no rule id (the workspace stores a dash).
      { label: t(lang, 'tool'), value: f.ruleId === '—' ? f.tool : `${f.tool} (${f.ruleId})` },
      { label: t(lang, 'asset'), value: f.asset },
      { label: t(lang, 'location'), value: locationText(f.location) },
      {
        label: t(lang, 'linkedRequirements'),
        value:
          f.requirementUrns
            .map((u) => {
              const r = model.byUrn.get(u);
              return r === undefined ? u : reqLabel(r.req, lang);
            })
            .join(', ') || '—',
      },
    ],
    description: f.description === '' ? '' : tr(f.description),
    remediation: pick(f.remediation, lang),
  }));
  const shown = open.slice(0, MAX_FINDING_ROWS);
  return {
    matrix,
    detail,
    table: {
      columns: [
        t(lang, 'id'),
        t(lang, 'severity'),
        t(lang, 'title'),
        t(lang, 'auditType'),
        t(lang, 'asset'),
        t(lang, 'status'),
      ],
      widths: [1, 1.3, 4, 2.4, 2.8, 1.2],
      rows: shown.map((f) => [
        ref(f),
        SEVERITY_LABELS[f.severity][lang],
        tr(f.title),
        AUDIT_TYPE_LABELS[f.auditType][lang],
        f.asset,
        word(FINDING_STATUS_LABELS, f.status, lang),
      ]),
      tones: shown.map((f) => f.severity),
      ...(open.length > shown.length
        ? { note: t(lang, 'truncatedNote', { shown: shown.length, total: open.length }) }
        : {}),
    },
  };
}
