import { malformed } from '../errors.ts';

export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF); an unterminated quote names its line. */
export function parseCsv(text: string, format: string, delimiter = ','): CsvRow[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field.trim() !== '') throw malformed(format, `line ${line}`, 'a quote inside an unquoted field');
      field = '';
      quoted = true;
      quoteLine = line;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += c;
  }
  if (quoted) throw malformed(format, `line ${quoteLine}`, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  const nonEmpty = records.filter((r) => !(r.fields.length === 1 && r.fields[0]?.trim() === ''));
  const header = nonEmpty.shift();
  if (header === undefined) return [];
  const names = header.fields.map((h) => h.trim());
  return nonEmpty.map((r) => {
    if (r.fields.length !== names.length) {
      throw malformed(format, `line ${r.line}`, `expected ${names.length} fields, found ${r.fields.length}`);
    }
    const values: Record<string, string> = {};
    names.forEach((n, k) => (values[n] = r.fields[k] ?? ''));
    return { line: r.line, values };
  });
}

/** The header line of a CSV sample, lower-cased and unquoted, for detection. */
export function csvHeader(sample: string, delimiter = ','): string[] {
  const first = sample.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
}
