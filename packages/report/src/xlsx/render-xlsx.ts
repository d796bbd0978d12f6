/**
 * The Excel workbook: one sheet per register (applicability, assessments, findings, risks, action plan, evidence),
 * every row, with a frozen header row, an autofilter and column widths that fit the content.
 */
import ExcelJS from 'exceljs';
import { actionIds } from '../charts/report-charts.ts';
import { t } from '../i18n/labels.ts';
import {
  ACTION_STATUS_LABELS,
  ASSESSMENT_STATUS_LABELS,
  AUDIT_TYPE_LABELS,
  EFFORT_LABELS,
  FINDING_STATUS_LABELS,
  KIND_LABELS,
  RISK_LEVEL_LABELS,
  SEVERITY_LABELS,
  TREATMENT_LABELS,
  word,
} from '../i18n/vocabulary.ts';
import type { ReportModel } from '../model/build-model.ts';
import { refOf } from '../model/refs.ts';
import type { ReportLang } from '../snapshot.schema.ts';
import { rewriteZip } from '../util/zip.ts';
import { locationText, sortedFindings } from '../view/compliance-view.ts';
import { colon, pick, reqCode, semicolons, shortDate, translator } from '../view/format.ts';
import { actionTitle } from '../view/plan-view.ts';
import { SHEET_NAMES } from './sheet-names.ts';

type Cell = string | number | null;

interface SheetSpec {
  readonly name: string;
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  readonly rows: readonly (readonly Cell[])[];
}

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): void {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width }));
  for (const row of spec.rows) sheet.addRow([...row]);
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F2A44' } };
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, spec.rows.length + 1), column: spec.columns.length },
  };
}

function sheets(model: ReportModel, lang: ReportLang): SheetSpec[] {
  const tr = translator(model.snapshot, lang);
  const names = SHEET_NAMES[lang];
  const domain = (d: string) => model.domainNames.get(d)?.[lang] ?? d;
  const ids = actionIds(model);
  const col = (key: Parameters<typeof t>[1], width: number) => ({ header: t(lang, key), width });
  // When the report shows numbered references instead of the workspace's ids, the sheet keeps the ids too, last.
  const recordIds = <T>(refs: ReadonlyMap<string, string>, rows: readonly T[], id: (row: T) => string) => {
    const numbered = [...refs].some(([key, ref]) => key !== ref);
    return {
      column: numbered ? [col('recordId', 38)] : [],
      cell: (row: T): Cell[] => (numbered ? [id(row)] : []),
      rows,
    };
  };
  const findings = recordIds(model.refs.findings, sortedFindings(model.snapshot.findings), (f) => f.id);
  const risks = recordIds(model.refs.risks, model.register.risks, (r) => r.risk.id);
  const evidence = recordIds(model.refs.evidence, model.snapshot.evidence, (e) => e.id);
  const source = (s: { readonly kind: string; readonly id: string }) =>
    s.kind === 'finding'
      ? refOf(model.refs.findings, s.id)
      : s.kind === 'risk'
        ? refOf(model.refs.risks, s.id)
        : s.id;
  return [
    {
      name: names.applicability,
      columns: [
        col('ref', 16),
        { header: 'URN', width: 44 },
        col('regulation', 10),
        col('requirement', 60),
        col('domain', 30),
        col('applicable', 11),
        col('reason', 70),
      ],
      rows: model.requirements.map((r) => [
        reqCode(r.req, lang),
        r.req.urn,
        r.req.regulation,
        r.req.title[lang],
        r.req.domains.map(domain).join(', '),
        t(lang, r.req.applicable ? 'yes' : 'no'),
        semicolons(
          r.req.reasons.map((x) => x[lang]),
          lang,
        ),
      ]),
    },
    {
      name: names.assessments,
      columns: [
        col('ref', 16),
        { header: 'URN', width: 44 },
        col('requirement', 50),
        col('status', 20),
        col('maturity', 10),
        col('observation', 80),
        col('interviewNotes', 50),
        col('assessor', 18),
        col('evidence', 20),
      ],
      rows: model.requirements
        .filter((r) => r.req.applicable)
        .map((r) => {
          const a = r.assessment;
          return [
            reqCode(r.req, lang),
            r.req.urn,
            r.req.title[lang],
            ASSESSMENT_STATUS_LABELS[a?.status ?? 'not-assessed'][lang],
            a?.maturity ?? null,
            pick(a?.observation, lang),
            (a?.interviewNotes ?? [])
              .map(
                (n) =>
                  `${n.date}${n.interviewee === '—' ? '' : ` ${tr(n.interviewee)}`}${colon(lang)}${pick(n.note, lang)}`,
              )
              .join('\n'),
            a?.assessor ?? '',
            (a?.evidenceIds ?? []).map((id) => refOf(model.refs.evidence, id)).join(', '),
          ];
        }),
    },
    {
      name: names.findings,
      columns: [
        col('id', 10),
        col('severity', 11),
        { header: 'CVSS', width: 7 },
        col('title', 50),
        col('auditType', 28),
        col('tool', 16),
        col('rule', 30),
        col('asset', 32),
        col('location', 50),
        { header: 'CWE', width: 12 },
        col('status', 13),
        col('linkedRequirements', 40),
        col('remediation', 60),
        ...findings.column,
      ],
      rows: findings.rows.map((f) => [
        refOf(model.refs.findings, f.id),
        SEVERITY_LABELS[f.severity][lang],
        f.cvss?.score ?? null,
        tr(f.title),
        AUDIT_TYPE_LABELS[f.auditType][lang],
        f.tool,
        f.ruleId,
        f.asset,
        locationText(f.location),
        f.cwe.map((c) => `CWE-${c}`).join(', '),
        word(FINDING_STATUS_LABELS, f.status, lang),
        f.requirementUrns.join(', '),
        pick(f.remediation, lang),
        ...findings.cell(f),
      ]),
    },
    {
      name: names.risks,
      columns: [
        col('id', 8),
        col('risk', 45),
        col('threat', 40),
        col('inherent', 10),
        col('residual', 10),
        col('level', 12),
        col('treatment', 12),
        col('owner', 24),
        col('nextReview', 13),
        col('aboveAppetite', 12),
        ...risks.column,
      ],
      rows: risks.rows.map((r) => [
        refOf(model.refs.risks, r.risk.id),
        tr(r.risk.title),
        tr(r.risk.threat),
        r.inherent.score,
        r.residual.score,
        RISK_LEVEL_LABELS[r.residual.level][lang],
        TREATMENT_LABELS[r.risk.treatment][lang],
        tr(r.risk.owner),
        shortDate(r.risk.nextReviewAt),
        t(lang, r.aboveAppetite ? 'yes' : 'no'),
        ...risks.cell(r),
      ]),
    },
    {
      name: names.actions,
      columns: [
        col('id', 8),
        col('action', 70),
        col('kind', 18),
        col('priority', 9),
        col('effort', 12),
        col('owner', 22),
        col('due', 12),
        col('status', 14),
        col('sources', 40),
      ],
      rows: model.plan.items.map((i) => [
        ids.get(i.id) ?? i.id,
        actionTitle(model, i, lang),
        KIND_LABELS[i.kind][lang],
        i.priority,
        EFFORT_LABELS[i.effort][lang],
        i.owner === null ? '' : tr(i.owner),
        shortDate(i.dueDate),
        ACTION_STATUS_LABELS[i.status][lang],
        i.sources.map(source).join(', '),
      ]),
    },
    {
      name: names.evidence,
      columns: [
        col('id', 8),
        col('fileName', 42),
        col('title', 40),
        col('sha256', 68),
        col('size', 12),
        col('mediaType', 30),
        col('effective', 12),
        col('expires', 12),
        col('linkedRequirements', 60),
        ...evidence.column,
      ],
      rows: evidence.rows.map((e) => [
        refOf(model.refs.evidence, e.id),
        e.fileName,
        pick(e.title, lang),
        e.sha256,
        e.size,
        e.mediaType,
        e.effectiveDate,
        e.expiryDate ?? '',
        e.urns.join(', '),
        ...evidence.cell(e),
      ]),
    },
  ];
}

/** Renders the workbook; dates inside and on the archive entries are the report date, so the bytes are stable. */
export async function renderXlsx(model: ReportModel, lang: ReportLang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const when = new Date(`${model.snapshot.engagement.reportDate}T00:00:00Z`);
  workbook.creator = model.snapshot.engagement.auditFirm;
  workbook.lastModifiedBy = model.snapshot.engagement.leadAuditor;
  workbook.created = when;
  workbook.modified = when;
  workbook.title = `${t(lang, 'reportTitle')} — ${model.snapshot.engagement.clientName}`;
  for (const spec of sheets(model, lang)) addSheet(workbook, spec);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return rewriteZip(buffer, model.snapshot.engagement.reportDate);
}
