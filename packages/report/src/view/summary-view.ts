/** The executive summary and the scope and methodology sections, in one language. */
import {
  ANNEX_IV_CLASS,
  ISSUANCE_LABELS,
  LEGAL_STATUS_LABELS,
  SERVICES,
  type GroupScore,
} from '@mica-audit/core';
import { t } from '../i18n/labels.ts';
import {
  DEFAULT_LIMITATIONS,
  METHODOLOGY,
  VERDICT_REASONS,
  VERDICT_RULE,
  VERDICT_TEXT,
} from '../i18n/texts.ts';
import { AUDIT_TYPE_LABELS, FACT_LABELS, word } from '../i18n/vocabulary.ts';
import type { ReportModel } from '../model/build-model.ts';
import type { ReportLang } from '../snapshot.schema.ts';
import { eur, num, pick, score, semicolons, translator } from './format.ts';
import { actionTable, riskTable } from './plan-view.ts';
import type { ReportView, Table } from './types.ts';

function tone(value: number | null): string {
  return value === null
    ? 'not-assessed'
    : value >= 80
      ? 'compliant'
      : value >= 50
        ? 'partially-compliant'
        : 'non-compliant';
}

/** A score table for a list of groups: label, score, coverage, maturity, counts. */
export function groupTable(
  groups: readonly GroupScore[],
  label: (g: GroupScore) => string,
  first: string,
  lang: ReportLang,
): Table {
  const na = t(lang, 'notAvailable');
  return {
    columns: [
      first,
      t(lang, 'score'),
      t(lang, 'coverage'),
      t(lang, 'maturity'),
      t(lang, 'applicableReqs'),
      t(lang, 'assessed'),
    ],
    widths: [5, 1.2, 1.4, 1.4, 1.4, 1.2],
    rows: groups.map((g) => [
      label(g),
      score(g.score, lang, na),
      g.coverage === null ? na : `${num(g.coverage, lang, 1)} %`,
      score(g.maturity, lang, na),
      String(g.applicable),
      String(g.assessed),
    ]),
    tones: groups.map((g) => tone(g.score)),
  };
}

function progress(model: ReportModel, lang: ReportLang): Table | null {
  if (model.comparison === null) return null;
  const na = t(lang, 'notAvailable');
  const rows = model.comparison.groups.filter((g) => g.level === 'overall' || g.level === 'regulation');
  return {
    columns: [t(lang, 'regulation'), t(lang, 'previousScore'), t(lang, 'currentScore'), t(lang, 'delta')],
    widths: [4, 2, 2, 2],
    rows: rows.map((g) => [
      g.level === 'overall' ? t(lang, 'total') : g.key,
      score(g.previous, lang, na),
      score(g.current, lang, na),
      g.delta === null ? na : `${g.delta > 0 ? '+' : ''}${num(g.delta, lang, 1)}`,
    ]),
  };
}

export function summarySection(model: ReportModel, lang: ReportLang): ReportView['summary'] {
  const o = model.scores.overall;
  const na = t(lang, 'notAvailable');
  const open = model.snapshot.findings.filter((f) => f.status === 'open').length;
  const above = model.register.risks.filter((r) => r.aboveAppetite).length;
  const quick = model.plan.items.filter((i) => i.kind === 'quick-win' && i.status !== 'done').slice(0, 5);
  return {
    kpis: [
      { label: t(lang, 'overallScore'), value: score(o.score, lang, na) },
      { label: t(lang, 'coverage'), value: o.coverage === null ? na : `${num(o.coverage, lang, 1)} %` },
      { label: t(lang, 'maturity'), value: score(o.maturity, lang, na) },
      { label: t(lang, 'applicableReqs'), value: String(o.applicable) },
      { label: t(lang, 'openFindings'), value: String(open) },
      { label: t(lang, 'risksAboveAppetite'), value: String(above) },
    ],
    verdict: {
      key: model.verdict.key,
      text: VERDICT_TEXT[model.verdict.key][lang],
      reasons: model.verdict.reasons.map((r) =>
        VERDICT_REASONS[r.key][lang].replace(
          '{value}',
          r.key === 'ownFundsShort' ? eur(Number(r.value), lang).replace('EUR', '').trim() : r.value,
        ),
      ),
      rule: VERDICT_RULE.map((p) => p[lang]),
    },
    domains: groupTable(
      model.scores.byDomain,
      (g) => model.domainNames.get(g.key)?.[lang] ?? g.key,
      t(lang, 'domain'),
      lang,
    ),
    topRisks: riskTable(model, lang, 5),
    quickWins: actionTable(model, quick, lang),
    progress: progress(model, lang),
    progressLabel:
      model.snapshot.priorRound === undefined
        ? ''
        : `${t(lang, 'progress')} (${translator(model.snapshot, lang)(model.snapshot.priorRound.label)}, ${model.snapshot.priorRound.date})`,
  };
}

export function scopeSection(model: ReportModel, lang: ReportLang): ReportView['scope'] {
  const p = model.snapshot.profile;
  const yes = (v: boolean | number) => (typeof v === 'boolean' ? t(lang, v ? 'yes' : 'no') : num(v, lang));
  const libraries = new Map(model.catalogue.libraries.map((l) => [l.id, l]));
  return {
    profile: [
      { label: t(lang, 'legalName'), value: p.name },
      { label: t(lang, 'memberState'), value: p.memberState },
      { label: t(lang, 'legalStatus'), value: LEGAL_STATUS_LABELS[p.legalStatus][lang] },
      {
        label: t(lang, 'issuance'),
        value:
          p.issuance.length === 0
            ? t(lang, 'none')
            : semicolons(
                p.issuance.map((i) => ISSUANCE_LABELS[i][lang]),
                lang,
              ),
      },
    ],
    services: {
      columns: [t(lang, 'point'), t(lang, 'definition'), t(lang, 'annexClass')],
      widths: [0.8, 7, 2],
      rows: p.services.map((s) => [`(${SERVICES[s].point})`, SERVICES[s][lang], String(ANNEX_IV_CLASS[s])]),
    },
    facts: {
      columns: [t(lang, 'fact'), t(lang, 'value')],
      widths: [6, 3],
      rows: Object.entries(p.facts).map(([k, v]) => [
        word(FACT_LABELS, k, lang),
        typeof v === 'number' || typeof v === 'boolean' ? yes(v) : '—',
      ]),
    },
    regulations: {
      columns: [
        t(lang, 'regulation'),
        t(lang, 'regulationTitle'),
        t(lang, 'catalogueVersion'),
        t(lang, 'applicableReqs'),
      ],
      widths: [1.3, 6, 1.6, 1.6],
      rows: model.snapshot.catalogue.map((c) => {
        const lib = libraries.get(c.id);
        const count = model.requirements.filter((r) => r.req.library === c.id && r.req.applicable).length;
        return [lib?.regulation.shortName ?? c.id, lib?.name[lang] ?? c.id, c.version, String(count)];
      }),
    },
    auditTypes: model.snapshot.methodology.auditTypesPerformed.map((a) => AUDIT_TYPE_LABELS[a][lang]),
    methodology: METHODOLOGY.map((m) => m[lang]),
    limitations: [
      ...DEFAULT_LIMITATIONS.map((l) => l[lang]),
      ...model.snapshot.methodology.limitations.map((l) => pick(l, lang)),
    ],
    warnings: [...model.warnings],
  };
}
