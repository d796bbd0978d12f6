import { malformed } from '../errors.ts';

/** Parses JSON; a syntax error names the JSON path, the offset and the line where the parser stopped. */
export function parseJson(text: string, format: string, baseOffset = 0, basePath = '$'): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const at = /at position (\d+)/.exec(message)?.[1];
    const pos = at === undefined ? (/end of JSON/i.test(message) ? text.length : 0) : Number(at);
    const path = jsonPathAt(text, pos, basePath);
    const line = text.slice(0, pos).split('\n').length;
    throw malformed(
      format,
      `${path} (offset ${baseOffset + pos}${baseOffset === 0 ? `, line ${line}` : ''})`,
      message.replace(/^SyntaxError: /, ''),
      cause,
    );
  }
}

interface Frame {
  readonly array: boolean;
  key: string;
  index: number;
  expectKey: boolean;
}

/** The JSON path of the value being read at `offset`, from a tolerant scan of the text before it. */
export function jsonPathAt(text: string, offset: number, basePath = '$'): string {
  const stack: Frame[] = [];
  let i = 0;
  const end = Math.min(offset, text.length);
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const top = stack.at(-1);
      if (top !== undefined && !top.array && top.expectKey) {
        top.key = text.slice(i + 1, Math.min(j, end));
        top.expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (c === 0x7b || c === 0x5b) stack.push({ array: c === 0x5b, key: '', index: 0, expectKey: c === 0x7b });
    else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) {
      const top = stack.at(-1);
      if (top?.array === true) top.index += 1;
      else if (top !== undefined) top.expectKey = true;
    }
    i += 1;
  }
  return (
    basePath +
    stack
      .map((f) =>
        f.array
          ? `[${f.index}]`
          : /^[A-Za-z_$][\w$]*$/.test(f.key)
            ? `.${f.key}`
            : `[${JSON.stringify(f.key)}]`,
      )
      .join('')
  );
}

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record itself, or an empty one: lets parsers read optional nested objects without casts. */
export function rec(value: unknown): JsonRecord {
  return isRecord(value) ? value : {};
}

export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty string (numbers are stringified), else undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A finite number, also from a numeric string. */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/** Strings of a string-or-list field (`metadata.cwe` is either in Semgrep). */
export function strList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  return arr(value).flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'number' ? [String(v)] : []));
}

/** Strips leading whitespace and a BOM; returns the first significant character of a sample. */
export function firstChar(sample: string): string {
  return sample
    .replace(/^\uFEFF/, '')
    .trimStart()
    .charAt(0);
}
