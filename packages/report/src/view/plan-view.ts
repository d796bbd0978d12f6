/** Risk register, action plan, own funds, incidents and annexes, in one language. */
import type { Recommendation } from '@mica-audit/core';
import { actionIds } from '../charts/report-charts.ts';
import { labelsFor, t } from '../i18n/labels.ts';
import { GLOSSARY } from '../i18n/texts.ts';
import {
  ACTION_STATUS_LABELS,
  EFFORT_LABELS,
  REPORT_STATUS_LABELS,
  RISK_LEVEL_LABELS,
  TREATMENT_LABELS,
} from '../i18n/vocabulary.ts';
import type { ReportModel } from '../model/build-model.ts';
import { refOf } from '../model/refs.ts';
import type { ReportLang } from '../snapshot.schema.ts';
import { bytes, colon, eur, instant, pick, reqCode, shortDate, translator } from './format.ts';
import type { KeyValue, ReportView, Table } from './types.ts';

/** Marks a residual risk above the appetite; French spaces the exclamation mark with a narrow no-break space. */
const ABOVE_APPETITE: Record<ReportLang, string> = { en: ' !', fr: '\u202f!' };

/** The title of an action in the report language: generated titles are rebuilt from their main source. */
export function actionTitle(model: ReportModel, item: Recommendation, lang: ReportLang): string {
  const tr = translator(model.snapshot, lang);
  if (item.edits.title !== undefined) return item.title;
  const top = [...item.sources].sort((a, b) => b.priority - a.priority)[0];
  if (top === undefined) return item.title;
  if (top.kind === 'gap') {
    const req = model.byUrn.get(top.id)?.req;
    return req === undefined
      ? item.title
      : `${t(lang, 'remediate')} ${reqCode(req, lang)}${colon(lang)}${req.title[lang]}`;
  }
  // A source no longer in the snapshot (deleted since the plan was drawn up) leaves the plan's own title.
  if (top.kind === 'finding') {
    const findings = item.sources.filter((s) => s.kind === 'finding').length;
    const record = model.snapshot.findings.find((f) => f.id === top.id);
    if (record === undefined) return tr(item.title);
    const base = `${t(lang, 'fixFinding')}${colon(lang)}${tr(record.title)}`;
    return findings > 1 ? `${base} (${t(lang, 'findingsCount', { count: findings })})` : base;
  }
  const risk = model.register.risks.find((r) => r.risk.id === top.id);
  return risk === undefined ? tr(item.title) : `${t(lang, 'treatRisk')}${colon(lang)}${tr(risk.risk.title)}`;
}

export function actionTable(model: ReportModel, items: readonly Recommendation[], lang: ReportLang): Table {
  const ids = actionIds(model);
  const tr = translator(model.snapshot, lang);
  return {
    columns: [
      t(lang, 'id'),
      t(lang, 'action'),
      t(lang, 'priority'),
      t(lang, 'effort'),
      t(lang, 'owner'),
      t(lang, 'due'),
      t(lang, 'status'),
    ],
    widths: [1.1, 6, 1.1, 1.3, 1.8, 1.6, 1.4],
    rows: items.map((item) => [
      ids.get(item.id) ?? item.id,
      actionTitle(model, item, lang),
      String(item.priority),
      EFFORT_LABELS[item.effort][lang],
      item.owner === null ? '—' : tr(item.owner),
      shortDate(item.dueDate),
      ACTION_STATUS_LABELS[item.status][lang],
    ]),
    tones: items.map((item) =>
      item.impact === 'high' ? 'high' : item.impact === 'medium' ? 'medium' : 'low',
    ),
  };
}

export function riskTable(model: ReportModel, lang: ReportLang, limit = Infinity): Table {
  const tr = translator(model.snapshot, lang);
  const risks = [...model.register.risks]
    .sort((a, b) => b.residual.score - a.residual.score || a.risk.id.localeCompare(b.risk.id))
    .slice(0, limit);
  return {
    columns: [
      t(lang, 'id'),
      t(lang, 'risk'),
      t(lang, 'threat'),
      t(lang, 'inherent'),
      t(lang, 'residual'),
      t(lang, 'treatment'),
      t(lang, 'owner'),
    ],
    widths: [0.9, 3.6, 3.2, 1.3, 1.6, 1.3, 1.8],
    rows: risks.map((r) => [
      refOf(model.refs.risks, r.risk.id),
      tr(r.risk.title),
      tr(r.risk.threat),
      `${r.inherent.score} (${RISK_LEVEL_LABELS[r.inherent.level][lang]})`,
      `${r.residual.score} (${RISK_LEVEL_LABELS[r.residual.level][lang]})${r.aboveAppetite ? ABOVE_APPETITE[lang] : ''}`,
      TREATMENT_LABELS[r.risk.treatment][lang],
      tr(r.risk.owner),
    ]),
    tones: risks.map((r) => r.residual.level),
  };
}

function prudential(model: ReportModel, lang: ReportLang): ReportView['prudential'] {
  const p = model.prudential;
  if (!p.applicable) return { applicable: false, rows: [], rule: t(lang, 'prudentialNotApplicable') };
  const facts = model.snapshot.profile.facts;
  const rows: KeyValue[] = [
    { label: t(lang, 'annexClass'), value: String(p.class ?? '—') },
    {
      label: t(lang, 'permanentMinimum'),
      value: p.permanentMinimumEUR === null ? '—' : eur(p.permanentMinimumEUR, lang),
    },
    {
      label: t(lang, 'fixedOverheads'),
      value:
        typeof facts.fixedOverheadsEUR === 'number'
          ? eur(facts.fixedOverheadsEUR, lang)
          : t(lang, 'notAvailable'),
    },
    {
      label: t(lang, 'overheadsQuarter'),
      value:
        p.fixedOverheadsQuarterEUR === null ? t(lang, 'notAvailable') : eur(p.fixedOverheadsQuarterEUR, lang),
    },
    {
      label: t(lang, 'requiredOwnFunds'),
      value: p.requiredOwnFundsEUR === null ? '—' : eur(p.requiredOwnFundsEUR, lang),
    },
  ];
  if (typeof facts.ownFundsEUR === 'number' && p.requiredOwnFundsEUR !== null) {
    rows.push({ label: t(lang, 'ownFundsHeld'), value: eur(facts.ownFundsEUR, lang) });
    rows.push({ label: t(lang, 'surplus'), value: eur(facts.ownFundsEUR - p.requiredOwnFundsEUR, lang) });
  }
  return { applicable: true, rows, rule: t(lang, 'prudentialRule') };
}

function incidents(model: ReportModel, lang: ReportLang): ReportView['incidents'] {
  const tr = translator(model.snapshot, lang);
  return {
    items: model.incidents.map(({ incident, assessed }) => {
      const d = assessed.deadlines;
      const met = assessed.classification.criteria.filter((c) => c.met === true).map((c) => c.source);
      const report = (label: string, due: Date | null, status: keyof typeof REPORT_STATUS_LABELS) => ({
        label,
        value:
          due === null
            ? REPORT_STATUS_LABELS[status][lang]
            : `${instant(due)} — ${REPORT_STATUS_LABELS[status][lang]}`,
      });
      return {
        title: `${refOf(model.refs.incidents, incident.id)} — ${tr(incident.title)}`,
        facts: [
          { label: t(lang, 'awareAt'), value: instant(incident.awareAt) },
          {
            label: t(lang, 'classification'),
            value: assessed.classification.major ? t(lang, 'major') : t(lang, 'notMajor'),
          },
          { label: t(lang, 'criteriaMet'), value: met.length === 0 ? t(lang, 'none') : met.join(', ') },
          report(t(lang, 'initialReport'), d?.initialDue ?? null, assessed.reports.initial),
          report(t(lang, 'intermediateReport'), d?.intermediateDue ?? null, assessed.reports.intermediate),
          report(t(lang, 'finalReport'), d?.finalDue ?? null, assessed.reports.final),
        ],
      };
    }),
  };
}

function annex(model: ReportModel, lang: ReportLang): ReportView['annex'] {
  const ref = (id: string) => refOf(model.refs.evidence, id);
  const evidence = [...model.snapshot.evidence].sort((a, b) => ref(a.id).localeCompare(ref(b.id)));
  return {
    evidence: {
      columns: [
        t(lang, 'id'),
        t(lang, 'fileName'),
        t(lang, 'sha256'),
        `${t(lang, 'effective')}\n${t(lang, 'expires')}`,
      ],
      widths: [0.8, 4, 4.4, 1.6],
      rows: evidence.map((e) => [
        ref(e.id),
        `${e.fileName}\n${pick(e.title, lang)}${e.title === undefined ? '' : ' — '}${bytes(e.size, lang)}, ${t(lang, 'linkedRequirements').toLowerCase()}${colon(lang)}${e.urns.length}`,
        e.sha256,
        `${e.effectiveDate}\n${e.expiryDate ?? '—'}${e.expiryDate !== undefined && e.expiryDate < model.snapshot.engagement.reportDate ? ` (${t(lang, 'expired')})` : ''}`,
      ]),
      mono: 2,
    },
    glossary: {
      columns: [t(lang, 'term'), t(lang, 'meaning')],
      widths: [1.5, 8],
      rows: GLOSSARY.map((g) => [g.term, g.meaning[lang]]),
    },
  };
}

/** The risk, action, own-funds, incident and annex sections. */
export function planSections(
  model: ReportModel,
  lang: ReportLang,
): Pick<ReportView, 'risks' | 'actions' | 'prudential' | 'incidents' | 'annex'> {
  const items = model.plan.items;
  return {
    risks: {
      appetite: `${labelsFor(lang).appetite}${colon(lang)}${model.register.appetite}`,
      register: riskTable(model, lang),
    },
    actions: {
      intro: t(lang, 'actionsIntro'),
      quickWins: actionTable(
        model,
        items.filter((i) => i.kind === 'quick-win'),
        lang,
      ),
      strategic: actionTable(
        model,
        items.filter((i) => i.kind === 'strategic-project'),
        lang,
      ),
      others: actionTable(
        model,
        items.filter((i) => i.kind !== 'quick-win' && i.kind !== 'strategic-project'),
        lang,
      ),
    },
    prudential: prudential(model, lang),
    incidents: incidents(model, lang),
    annex: annex(model, lang),
  };
}
