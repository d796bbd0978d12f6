import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { SHEET_KEYS, SHEET_NAMES } from '../src/xlsx/sheet-names.ts';
import { formatContract } from './format-contract.case.ts';
import { demo } from './fixtures.ts';

async function read(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

formatContract('xlsx', (rendered) => {
  it.each(['en', 'fr'] as const)(
    'has every sheet in %s with an autofilter, a frozen header row and column widths',
    async (lang) => {
      const workbook = await read(rendered()[lang]);
      for (const key of SHEET_KEYS) {
        const sheet = workbook.getWorksheet(SHEET_NAMES[lang][key]);
        expect(sheet, key).toBeDefined();
        expect(sheet!.autoFilter, key).toBeTruthy();
        expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet!.getColumn(1).width, key).toBeGreaterThan(5);
        expect(sheet!.rowCount, key).toBeGreaterThan(1);
      }
    },
  );

  it('lists every requirement, finding, risk, action and evidence file', async () => {
    const { snapshot, model } = await demo();
    const workbook = await read(rendered().en);
    const rows = (key: (typeof SHEET_KEYS)[number]) =>
      workbook.getWorksheet(SHEET_NAMES.en[key])!.rowCount - 1;
    expect(rows('applicability')).toBe(model.requirements.length);
    expect(rows('findings')).toBe(snapshot.findings.length);
    expect(rows('risks')).toBe(snapshot.risks.register.risks.length);
    expect(rows('actions')).toBe(snapshot.actions.items.length);
    expect(rows('evidence')).toBe(snapshot.evidence.length);
    const evidence = workbook.getWorksheet(SHEET_NAMES.en.evidence)!;
    expect(evidence.getRow(2).getCell(4).value).toBe(snapshot.evidence[0]!.sha256);
  });
});
