/**
 * Mutations of real tool outputs, as plain data that fast-check generates and shrinks: each one picks its target
 * with numbers taken modulo what the document holds, so every mutation applies to every document (a structural one
 * that does not fit, a JSON edit on XML say, leaves the text unchanged and the others still apply).
 */
import fc from 'fast-check';

export type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly byte: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly from: number; readonly length: number; readonly to: number }
  | { readonly kind: 'json'; readonly op: JsonOp; readonly pick: number; readonly value: fc.JsonValue }
  | { readonly kind: 'xml'; readonly op: XmlOp; readonly pick: number; readonly text: string }
  | { readonly kind: 'csv'; readonly op: CsvOp; readonly pick: number; readonly other: number };

const JSON_OPS = [
  'delete-key',
  'duplicate-key',
  'replace',
  'retype',
  'delete-item',
  'duplicate-item',
] as const;
const XML_OPS = ['drop-tag', 'rename', 'duplicate-element', 'attribute', 'entity', 'text'] as const;
const CSV_OPS = ['drop-column', 'swap-columns', 'add-column', 'drop-header', 'ragged-row', 'quote'] as const;
type JsonOp = (typeof JSON_OPS)[number];
type XmlOp = (typeof XML_OPS)[number];
type CsvOp = (typeof CSV_OPS)[number];

/** Fragments that break parsers more often than random text does. */
const NASTY = [
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '<',
  '>',
  '/>',
  '</',
  '&',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '<![CDATA[',
  ']]>',
  '<!--',
  '\n',
  '\r\n',
  '\u0000',
  '\uFEFF',
  '\uD800',
  'null',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
  '%SRCROOT%',
  'file:///',
  '"",',
];

const position = fc.nat({ max: 1 << 20 });
const fragment = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 12 }));

// Structural edits keep the document parseable and reach the mapping code; byte edits test the parsers' guards.
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, byte: fc.nat({ max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fragment }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    from: position,
    length: fc.integer({ min: 1, max: 512 }),
    to: position,
  }),
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('json' as const),
      op: fc.constantFrom(...JSON_OPS),
      pick: position,
      value: fc.jsonValue({ maxDepth: 2 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('xml' as const),
      op: fc.constantFrom(...XML_OPS),
      pick: position,
      text: fragment,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('csv' as const),
      op: fc.constantFrom(...CSV_OPS),
      pick: position,
      other: position,
    }),
  },
);

const at = (n: number, length: number) => (length === 0 ? 0 : n % (length + 1));

function bytes(text: string, edit: (b: Buffer) => Buffer): string {
  return edit(Buffer.from(text, 'utf8')).toString('utf8');
}

/** Every object and array of a JSON value, depth first. */
function containers(value: unknown, out: (object | unknown[])[] = []): (object | unknown[])[] {
  if (typeof value === 'object' && value !== null) {
    out.push(value);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

const DUPLICATE = Symbol('duplicate key');

/** JSON.stringify, except that an object carrying DUPLICATE writes one of its keys twice (JSON allows it). */
function render(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(render).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${render(v)}`);
    const extra = (value as { [DUPLICATE]?: [string, unknown] })[DUPLICATE];
    if (extra !== undefined) entries.push(`${JSON.stringify(extra[0])}:${render(extra[1])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function retyped(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? {} : value[0];
  if (typeof value === 'object' && value !== null) return Object.values(value);
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  return value === null ? [] : null;
}

function editJson(root: unknown, op: JsonOp, pick: number, value: fc.JsonValue): unknown {
  const nodes = containers(root);
  const node = nodes[pick % Math.max(1, nodes.length)];
  if (node === undefined) return op === 'replace' ? value : retyped(root);
  if (Array.isArray(node)) {
    if (node.length === 0) node.push(value);
    else if (op === 'delete-item' || op === 'delete-key') node.splice(pick % node.length, 1);
    else if (op === 'duplicate-item' || op === 'duplicate-key') node.push(node[pick % node.length]);
    else if (op === 'retype') node[pick % node.length] = retyped(node[pick % node.length]);
    else node[pick % node.length] = value;
    return root;
  }
  const record = node as Record<string | symbol, unknown>;
  const keys = Object.keys(record);
  const key = keys[pick % Math.max(1, keys.length)];
  if (key === undefined) record.added = value;
  else if (op === 'delete-key' || op === 'delete-item') delete record[key];
  else if (op === 'duplicate-key' || op === 'duplicate-item') record[DUPLICATE] = [key, value];
  else if (op === 'retype') record[key] = retyped(record[key]);
  else record[key] = value;
  return root;
}

/** Applies a JSON edit to a JSON document, or to one line of a JSON-lines document; other text is unchanged. */
function mutateJson(text: string, op: JsonOp, pick: number, value: fc.JsonValue): string {
  try {
    return render(editJson(JSON.parse(text), op, pick, value));
  } catch {
    const lines = text.split('\n');
    const k = pick % lines.length;
    try {
      lines[k] = render(editJson(JSON.parse(lines[k] ?? ''), op, pick >> 4, value));
      return lines.join('\n');
    } catch {
      return text;
    }
  }
}

const TAG = /<\/?([A-Za-z_][\w.:-]*)[^<>]*>/g;

function mutateXml(text: string, op: XmlOp, pick: number, fragmentText: string): string {
  if (op === 'entity')
    return `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e "${fragmentText.replace(/"/g, '')}">]>${text.replace(/^<\?xml[^>]*\?>/, '')}`;
  const tags = [...text.matchAll(TAG)];
  const tag = tags[pick % Math.max(1, tags.length)];
  if (tag === undefined) return text;
  const start = tag.index;
  const end = start + tag[0].length;
  const name = tag[1] ?? '';
  if (op === 'drop-tag') return text.slice(0, start) + text.slice(end);
  if (op === 'rename') return text.slice(0, start) + tag[0].replace(name, `${name}x`) + text.slice(end);
  if (op === 'attribute') {
    const replaced = tag[0].replace(/="[^"]*"/, `="${fragmentText}"`);
    return text.slice(0, start) + replaced + text.slice(end);
  }
  if (op === 'text') return text.slice(0, end) + fragmentText + text.slice(end);
  // duplicate-element: the element from this opening tag to the first closing tag of the same name.
  const close = text.indexOf(`</${name}>`, end);
  const element = close === -1 ? tag[0] : text.slice(start, close + name.length + 3);
  return text.slice(0, start) + element + text.slice(start);
}

function mutateCsv(text: string, op: CsvOp, pick: number, other: number): string {
  const rows = text.split('\n').map((line) => line.split(','));
  const width = Math.max(1, ...rows.map((r) => r.length));
  const column = pick % width;
  const second = other % width;
  if (op === 'drop-header')
    return rows
      .slice(1)
      .map((r) => r.join(','))
      .join('\n');
  if (op === 'ragged-row') {
    const row = rows[pick % rows.length];
    if (row !== undefined) row.splice(other % (row.length + 1), 0, '');
  }
  for (const row of op === 'ragged-row' ? [] : rows) {
    if (op === 'drop-column') row.splice(column, 1);
    else if (op === 'add-column') row.splice(column, 0, 'extra');
    else if (op === 'quote') row[column] = `"${row[column] ?? ''}`;
    else {
      const a = row[column];
      row[column] = row[second] ?? '';
      row[second] = a ?? '';
    }
  }
  return rows.map((r) => r.join(',')).join('\n');
}

/** Applies one mutation. */
export function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'flip':
      return bytes(text, (b) => {
        if (b.length > 0) b[m.at % b.length] = m.byte;
        return b;
      });
    case 'truncate':
      return bytes(text, (b) => b.subarray(0, at(m.at, b.length)));
    case 'insert': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'delete': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'duplicate': {
      const from = at(m.from, text.length);
      const to = at(m.to, text.length);
      return text.slice(0, to) + text.slice(from, from + m.length) + text.slice(to);
    }
    case 'json':
      return mutateJson(text, m.op, m.pick, m.value);
    case 'xml':
      return mutateXml(text, m.op, m.pick, m.text);
    case 'csv':
      return mutateCsv(text, m.op, m.pick, m.other);
  }
}
