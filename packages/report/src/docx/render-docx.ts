/**
 * The editable Word report: the same sections, tables and charts as the PDF, with real Heading 1-3 styles, a table
 * of contents Word fills from them, captioned charts with alternative text, and fixed document properties so the
 * same snapshot gives the same file.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
} from 'docx';
import { rasterise, type RasterChart } from '../charts/rasterise.ts';
import { colon } from '../view/format.ts';
import type { Charts, ReportView } from '../view/types.ts';
import { renumberBookmarks, rewriteZip } from '../util/zip.ts';
import {
  bullets,
  COLOURS,
  figure,
  heading,
  keyValues,
  labelled,
  para,
  table,
  type Block,
} from './docx-blocks.ts';

type ChartName = keyof Charts;
type Rasters = Readonly<Record<ChartName, RasterChart>>;

/** Places the report's charts in order, numbering their captions as the PDF does. */
class Figures {
  private count = 0;
  private readonly view: ReportView;
  private readonly rasters: Rasters;

  constructor(view: ReportView, rasters: Rasters) {
    this.view = view;
    this.rasters = rasters;
  }

  chart(name: ChartName, caption: string, share: number): Block[] {
    this.count += 1;
    const v = this.view;
    return figure(v.charts[name], this.rasters[name], {
      caption: `${v.labels.figure} ${this.count}${colon(v.lang)}${caption}`,
      alt: v.chartAlt[name],
      share,
      id: this.count,
    });
  }
}

/** Every chart as PNG, rendered together (resvg draws them in parallel on the thread pool). */
async function rasteriseCharts(charts: Charts): Promise<Rasters> {
  const names = Object.keys(charts) as ChartName[];
  const images = await Promise.all(names.map((name) => rasterise(charts[name])));
  return Object.fromEntries(names.map((name, i) => [name, images[i]!])) as Record<ChartName, RasterChart>;
}

function cover(v: ReportView): Block[] {
  const m = v.meta;
  const l = v.labels;
  return [
    para(m.firm.toUpperCase(), { colour: COLOURS.muted, size: 22 }),
    new Paragraph({ text: m.title, style: 'Title' }),
    para(m.engagementTitle, { size: 28 }),
    para(m.client, { bold: true, size: 36, colour: COLOURS.ink }),
    ...keyValues([
      { label: l.client, value: m.client },
      { label: l.auditFirm, value: m.firm },
      { label: l.leadAuditor, value: m.lead },
      { label: l.engagement, value: m.engagementId },
      { label: l.period, value: m.period },
      { label: l.reportDate, value: m.reportDate },
      { label: l.version, value: m.version },
      { label: l.confidentiality, value: m.confidentiality },
    ]),
  ];
}

function summary(v: ReportView, fig: Figures): Block[] {
  const s = v.summary;
  const l = v.labels;
  return [
    heading(l.secSummary, 1),
    ...keyValues(s.kpis),
    heading(l.verdict, 3),
    para(s.verdict.text, { bold: true, size: 26 }),
    ...bullets(s.verdict.reasons),
    heading(l.verdictRule, 3),
    ...bullets(s.verdict.rule),
    heading(l.scoresByDomain, 2),
    ...fig.chart('radar', l.figureRadar, 0.88),
    ...table(s.domains),
    ...(s.progress === null ? [] : [heading(s.progressLabel, 2), ...table(s.progress)]),
    heading(l.topRisks, 2),
    ...table(s.topRisks),
    heading(l.topQuickWins, 2),
    ...table(s.quickWins),
  ];
}

function scope(v: ReportView): Block[] {
  const s = v.scope;
  const l = v.labels;
  return [
    heading(l.secScope, 1),
    heading(l.entityProfile, 2),
    ...keyValues(s.profile),
    heading(l.services, 3),
    ...table(s.services),
    heading(l.keyFacts, 3),
    ...table(s.facts),
    heading(l.regulations, 2),
    ...table(s.regulations),
    heading(l.auditTypes, 2),
    ...bullets(s.auditTypes),
    heading(l.methodology, 2),
    ...s.methodology.map((p) => para(p)),
    heading(l.limitations, 2),
    ...bullets(s.limitations),
    ...(s.warnings.length === 0 ? [] : [heading(l.scopingWarnings, 2), ...bullets(s.warnings)]),
  ];
}

function compliance(v: ReportView, fig: Figures): Block[] {
  const l = v.labels;
  const out: Block[] = [heading(l.secSoa, 1), para(v.soa.intro), para(v.soa.count, { bold: true })];
  for (const g of v.soa.groups) out.push(heading(g.title, 3), ...table(g.table));
  out.push(
    heading(l.secResults, 1),
    heading(l.statusBreakdown, 2),
    ...table(v.results.statuses),
    heading(l.scoresByTitle, 2),
    ...fig.chart('titles', l.figureTitles, 0.9),
    ...table(v.results.titles),
    heading(l.scoresByDomain, 2),
    ...table(v.results.domains),
    heading(l.scoresByArticle, 2),
    ...table(v.results.articles),
    heading(l.secGaps, 1),
    para(v.gaps.intro),
  );
  for (const g of v.gaps.items) {
    out.push(
      heading(`${g.ref} — ${g.title}`, 3),
      para(`${g.status} — ${g.domains}`, { bold: true, size: 18 }),
    );
    if (g.observation !== '') out.push(labelled(l.observation, g.observation));
    if (g.notes.length > 0) out.push(para(l.interviewNotes, { bold: true }), ...bullets(g.notes));
    out.push(...(g.evidence === null ? [para(l.noEvidence, { italics: true })] : table(g.evidence)));
    if (g.assessor !== '')
      out.push(para(`${l.assessor}${l.colon}${g.assessor}`, { size: 16, colour: COLOURS.muted }));
  }
  if (v.gaps.note !== '') out.push(para(v.gaps.note, { italics: true }));
  out.push(
    heading(l.secFindings, 1),
    heading(l.findingsMatrix, 2),
    ...fig.chart('findings', l.figureFindings, 0.9),
    ...table(v.findings.matrix),
    heading(l.mostSevere, 2),
  );
  for (const f of v.findings.detail) {
    out.push(heading(`${f.id} — ${f.title}`, 3), ...keyValues(f.facts));
    if (f.description !== '') out.push(labelled(l.description, f.description));
    if (f.remediation !== '') out.push(labelled(l.remediation, f.remediation));
  }
  out.push(heading(l.allFindings, 2), ...table(v.findings.table));
  return out;
}

function plan(v: ReportView, fig: Figures): Block[] {
  const l = v.labels;
  const out: Block[] = [
    heading(l.secRisks, 1),
    heading(l.riskMatrix, 2),
    ...fig.chart('heatmap', l.figureHeatmap, 0.75),
    para(v.risks.appetite),
    heading(l.riskRegister, 2),
    ...table(v.risks.register),
    heading(l.secActions, 1),
    para(v.actions.intro),
    heading(l.timeline, 2),
    ...fig.chart('timeline', l.figureTimeline, 0.8),
    ...fig.chart('gantt', l.figureGantt, 0.95),
    heading(l.quickWins, 2),
    ...table(v.actions.quickWins),
    heading(l.strategicProjects, 2),
    ...table(v.actions.strategic),
  ];
  if (v.actions.others.rows.length > 0) out.push(heading(l.otherActions, 2), ...table(v.actions.others));
  out.push(heading(l.secPrudential, 1), para(v.prudential.rule));
  if (v.prudential.applicable) out.push(...keyValues(v.prudential.rows));
  out.push(heading(l.secIncidents, 1));
  if (v.incidents.items.length === 0) out.push(para(l.noIncidents));
  for (const i of v.incidents.items) out.push(heading(i.title, 3), ...keyValues(i.facts));
  out.push(
    heading(l.secAnnexes, 1),
    heading(l.secEvidenceIndex, 2),
    ...table(v.annex.evidence),
    heading(l.secGlossary, 2),
    ...table(v.annex.glossary),
    para(`${l.generatedBy} ${v.meta.engagementId}. ${l.auditLogHead}${l.colon}${v.meta.auditLogHead}`, {
      size: 16,
      colour: COLOURS.muted,
    }),
  );
  return out;
}

/** docProps/core.xml with the report date instead of "now", so the file hash is reproducible. */
function coreProperties(v: ReportView): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const when = `${v.meta.isoDate}T00:00:00Z`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(`${v.meta.title} — ${v.meta.client}`)}</dc:title><dc:creator>${esc(v.meta.firm)}</dc:creator><cp:lastModifiedBy>${esc(v.meta.lead)}</cp:lastModifiedBy><cp:revision>1</cp:revision><dc:language>${v.lang}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

/** Renders the Word report from the view. */
export async function renderDocxFromView(v: ReportView): Promise<Buffer> {
  const fig = new Figures(v, await rasteriseCharts(v.charts));
  const doc = new Document({
    title: `${v.meta.title} — ${v.meta.client}`,
    creator: v.meta.firm,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 20, color: COLOURS.ink } },
        heading1: {
          run: { size: 36, bold: true, color: COLOURS.accent },
          paragraph: { spacing: { before: 240, after: 160 }, keepNext: true },
        },
        heading2: {
          run: { size: 28, bold: true, color: COLOURS.ink },
          paragraph: { spacing: { before: 200, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { size: 22, bold: true, color: COLOURS.ink },
          paragraph: { spacing: { before: 160, after: 80 }, keepNext: true },
        },
        title: { run: { size: 52, bold: true, color: COLOURS.ink } },
      },
      paragraphStyles: [
        {
          // Word's built-in caption style (id Caption, name "caption"), so Insert > Table of Figures finds the charts.
          id: 'Caption',
          name: 'caption',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 16, color: COLOURS.muted },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 200 } },
        },
      ],
    },
    sections: [
      {
        properties: { titlePage: true },
        headers: {
          default: new Header({
            children: [
              para(`${v.meta.client} — ${v.meta.title} — ${v.meta.confidentiality}`, {
                size: 16,
                colour: COLOURS.muted,
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    text: `${v.meta.firm} — ${v.labels.version} ${v.meta.version} — ${v.labels.page} `,
                    size: 16,
                    color: COLOURS.muted,
                  }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: COLOURS.muted }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...cover(v),
          heading(v.labels.contents, 1, { heading: undefined, style: 'TOCHeading' }),
          new TableOfContents(v.labels.contents, { hyperlink: true, headingStyleRange: '1-2' }),
          ...summary(v, fig),
          ...scope(v),
          ...compliance(v, fig),
          ...plan(v, fig),
        ],
      },
    ],
  });
  const zip = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreProperties(v) }]);
  return rewriteZip(zip, v.meta.isoDate, (entry) =>
    entry.name === 'word/document.xml'
      ? Buffer.from(renumberBookmarks(entry.data.toString('utf8')), 'utf8')
      : entry.data,
  );
}
