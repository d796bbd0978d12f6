/** Assembles the language-resolved view of the report that the PDF and DOCX renderers share. */
import { chartAltTexts } from '../charts/chart-alt.ts';
import { reportCharts } from '../charts/report-charts.ts';
import { labelsFor, t } from '../i18n/labels.ts';
import { CONFIDENTIALITY_TEXT } from '../i18n/vocabulary.ts';
import type { ReportModel } from '../model/build-model.ts';
import type { ReportLang } from '../snapshot.schema.ts';
import { findingsSection, gapsSection, resultsSection, soaSection } from './compliance-view.ts';
import { longDate, translator } from './format.ts';
import { planSections } from './plan-view.ts';
import { scopeSection, summarySection } from './summary-view.ts';
import type { ReportView } from './types.ts';

/** The view of the report in one language, charts included (as SVG, with their alternative text). */
export function buildView(model: ReportModel, lang: ReportLang): ReportView {
  const e = model.snapshot.engagement;
  return {
    lang,
    labels: labelsFor(lang),
    meta: {
      title: t(lang, 'reportTitle'),
      engagementTitle: translator(model.snapshot, lang)(e.title),
      client: e.clientName,
      firm: e.auditFirm,
      lead: e.leadAuditor,
      period: `${longDate(e.startDate, lang)} – ${longDate(e.endDate, lang)}`,
      reportDate: longDate(e.reportDate, lang),
      version: e.reportVersion,
      confidentiality: CONFIDENTIALITY_TEXT[e.confidentiality][lang],
      engagementId: e.id,
      auditLogHead: e.auditLogHead,
      isoDate: e.reportDate,
    },
    summary: summarySection(model, lang),
    scope: scopeSection(model, lang),
    soa: soaSection(model, lang),
    results: resultsSection(model, lang),
    gaps: gapsSection(model, lang),
    findings: findingsSection(model, lang),
    ...planSections(model, lang),
    charts: reportCharts(model, lang),
    chartAlt: chartAltTexts(model, lang),
  };
}
