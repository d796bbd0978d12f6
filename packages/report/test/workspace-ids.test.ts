/**
 * A workspace names its records by UUID. The report shows short references instead (a UUID wraps over three lines
 * in a table cell), and the workbook keeps the UUIDs beside them.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/build-model.ts';
import { renderFromModel } from '../src/render.ts';
import { parseSnapshot } from '../src/snapshot.schema.ts';
import { buildView } from '../src/view/build-view.ts';
import { SHEET_NAMES } from '../src/xlsx/sheet-names.ts';
import { demo } from './fixtures.ts';

const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-7d1c-4e2a-9b3f-${'0'.repeat(12)}`;

async function workspaceModel() {
  const { snapshot, catalogue } = await demo();
  const findingIds = new Map(snapshot.findings.map((f, i) => [f.id, uuid(i + 1)]));
  const evidenceIds = new Map(snapshot.evidence.map((e, i) => [e.id, uuid(1000 + i)]));
  const renamed = parseSnapshot({
    ...snapshot,
    findings: snapshot.findings.map((f) => ({ ...f, id: findingIds.get(f.id)! })),
    evidence: snapshot.evidence.map((e) => ({ ...e, id: evidenceIds.get(e.id)! })),
    assessments: snapshot.assessments.map((a) => ({
      ...a,
      evidenceIds: a.evidenceIds.map((id) => evidenceIds.get(id)!),
    })),
  });
  return { model: buildModel(renamed, catalogue), renamed };
}

describe('records named by UUID', () => {
  it('appear under numbered references in the report', async () => {
    const { model } = await workspaceModel();
    const view = buildView(model, 'en');
    expect(view.findings.table.rows.map((r) => r[0])).not.toContain(uuid(1));
    expect(view.findings.table.rows.every((r) => /^F-\d{3}$/.test(r[0]!))).toBe(true);
    expect(view.findings.detail.every((d) => /^F-\d{3}$/.test(d.id))).toBe(true);
    expect(view.annex.evidence.rows.map((r) => r[0])).toEqual(
      model.snapshot.evidence.map((_, i) => `EV-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('keep their UUID beside the reference in the workbook', async () => {
    const { model, renamed } = await workspaceModel();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderFromModel(model, 'xlsx', 'en')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(SHEET_NAMES.en.findings)!;
    const header = sheet.getRow(1).values as unknown[];
    expect(header.at(-1)).toBe('Workspace id');
    const ids = new Set(renamed.findings.map((f) => f.id));
    for (let row = 2; row <= sheet.rowCount; row += 1) {
      expect(sheet.getRow(row).getCell(1).text).toMatch(/^F-\d{3}$/);
      expect(ids.has(sheet.getRow(row).getCell(header.length - 1).text)).toBe(true);
    }
  });
});
