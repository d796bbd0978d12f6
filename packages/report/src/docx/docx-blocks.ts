/** Building blocks of the Word report: styled headings, paragraphs, bullet lists and tables from the view model. */
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { RasterChart } from '../charts/rasterise.ts';
import type { KeyValue, Table as ViewTable } from '../view/types.ts';

export const COLOURS = { ink: '1F2A44', accent: '1D5FA7', muted: '5F6B7E', rule: 'D9DEE7' } as const;
const TONES: Readonly<Record<string, string>> = {
  compliant: '2E7D32',
  'partially-compliant': 'F2A900',
  'non-compliant': 'C62828',
  'not-assessed': '9E9E9E',
  'not-applicable': 'CFD8DC',
  critical: 'C62828',
  high: 'F57C00',
  medium: 'FBC02D',
  low: '7CB342',
  info: '90A4AE',
};

export type Block = Paragraph | Table;

const LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** A real Word heading (Heading1-3 styles), so navigation, outline and the table of contents work. */
export function heading(text: string, level: 1 | 2 | 3, options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ text, heading: LEVELS[level - 1], pageBreakBefore: level === 1, ...options });
}

export function para(
  text: string,
  options: { bold?: boolean; italics?: boolean; size?: number; colour?: string } = {},
): Paragraph {
  const lines = text.split('\n');
  return new Paragraph({
    spacing: { after: 100 },
    children: lines.map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : 0,
          bold: options.bold ?? false,
          italics: options.italics ?? false,
          size: options.size,
          color: options.colour,
        }),
    ),
  });
}

export function labelled(label: string, text: string): Paragraph {
  return new Paragraph({
    spacing: { after: 100 },
    children: [new TextRun({ text: `${label}. `, bold: true }), new TextRun(text)],
  });
}

export function bullets(items: readonly string[]): Paragraph[] {
  return items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
}

const border = { style: BorderStyle.SINGLE, size: 4, color: COLOURS.rule };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const tableBorders = {
  top: border,
  bottom: border,
  left: none,
  right: none,
  insideHorizontal: border,
  insideVertical: none,
};

function runs(text: string, options: { header?: boolean; mono?: boolean }): TextRun[] {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : 0,
        bold: options.header,
        color: options.header === true ? 'FFFFFF' : undefined,
        size: options.mono === true ? 13 : options.header === true ? 14 : 16,
        font: options.mono === true ? 'Consolas' : undefined,
      }),
  );
}

/** One cell; borders and margins come from the table, so cells stay small (large tables pack much faster). */
function cell(
  text: string,
  options: { header?: boolean; mono?: boolean; tone?: string; keepNext?: boolean },
): TableCell {
  const tone = options.tone === undefined ? undefined : TONES[options.tone];
  return new TableCell({
    borders: tone === undefined ? undefined : { left: { style: BorderStyle.SINGLE, size: 24, color: tone } },
    shading:
      options.header === true ? { type: ShadingType.CLEAR, color: 'auto', fill: COLOURS.ink } : undefined,
    children: [new Paragraph({ keepNext: options.keepNext, children: runs(text, options) })],
  });
}

/** Tables of up to this many rows are kept on one page (Word moves them whole), as in the PDF. */
const KEEP_WHOLE_ROWS = 12;
/** A longer table keeps its header with this many rows, so it never starts with a lone header at a page foot. */
const KEEP_FIRST_ROWS = 3;

/** A table with a repeated header row and a tone bar on the first column. */
export function table(t: ViewTable): Block[] {
  const total = t.widths.reduce((a, b) => a + b, 0);
  // A4 text width in twips (21 cm - 2 x 2 cm margins).
  const columnWidths = t.widths.map((w) => Math.round((w / total) * 9638));
  // Word keeps a row with the next one when its paragraphs are "keep with next": the last kept row lets go.
  const keptRows = t.rows.length <= KEEP_WHOLE_ROWS ? t.rows.length - 1 : KEEP_FIRST_ROWS;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c) => cell(c, { header: true, keepNext: true })),
  });
  const rows = t.rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        children: row.map((value, i) =>
          cell(value, {
            mono: i === t.mono,
            tone: i === 0 ? t.tones?.[r] : undefined,
            keepNext: r < keptRows,
          }),
        ),
      }),
  );
  const withHeader = t.columns.some((c) => c !== '');
  const out: Block[] = [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths,
      borders: tableBorders,
      margins: { top: 30, bottom: 30, left: 70, right: 70 },
      rows: withHeader ? [header, ...rows] : rows,
    }),
  ];
  if (t.note !== undefined) out.push(para(t.note, { italics: true, size: 16, colour: COLOURS.muted }));
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

export function keyValues(rows: readonly KeyValue[]): Block[] {
  return table({ columns: ['', ''], widths: [4, 6], rows: rows.map((r) => [r.label, r.value]) });
}

/** The text width of an A4 page with 2 cm margins, in the 96-dpi pixels docx sizes images in. */
const TEXT_WIDTH_PX = 642;

export interface FigureOptions {
  readonly caption: string;
  /** What the chart shows, in words and figures (Word's alternative text). */
  readonly alt: string;
  /** Share of the text width the chart takes, as in the PDF. */
  readonly share: number;
  /** Drawing id, unique in the document; docx would draw it from a process-wide counter otherwise. */
  readonly id: number;
}

/**
 * A chart as an SVG picture with its PNG rendering as fallback (Word 2016 and later show the SVG, other readers the
 * PNG), kept with its caption below, which uses Word's Caption style so a table of figures can list it.
 */
export function figure(svg: string, raster: RasterChart, options: FigureOptions): Paragraph[] {
  const width = Math.round(TEXT_WIDTH_PX * options.share);
  const height = Math.round((width * raster.height) / raster.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 60 },
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(svg, 'utf8'),
          fallback: { type: 'png', data: raster.png },
          transformation: { width, height },
          altText: {
            id: String(options.id),
            name: `Chart ${options.id}`,
            title: options.caption,
            description: options.alt,
          },
        }),
      ],
    }),
    new Paragraph({ style: 'Caption', children: [new TextRun(options.caption)] }),
  ];
}
