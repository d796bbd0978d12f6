import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { importError, malformed } from '../errors.ts';

export type XmlNode = Readonly<Record<string, unknown>>;

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Decodes only the five predefined entities and character references: nothing user-declared is ever expanded. */
export function decodeXmlText(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|apos|quot);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Refuses any entity declaration (billion laughs, XXE) before parsing. A DOCTYPE that only declares elements and
 * attributes (Burp's internal DTD) is fine. `<!ENTITY` inside CDATA or a comment is data (a Burp issue about an XXE
 * payload carries one), so only occurrences in markup count.
 */
export function assertNoEntityDeclarations(text: string, format: string): void {
  const re = /<!ENTITY/gi;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (insideSection(text, m.index, '<![CDATA[', ']]>') || insideSection(text, m.index, '<!--', '-->'))
      continue;
    throw importError(
      'import.xml_entities',
      `${format}: the XML declares an entity at line ${lineAt(text, m.index)}. Entity declarations are refused ` +
        '(entity expansion and external entities are attacks); export the report again without a custom DTD.',
      { path: `line ${lineAt(text, m.index)}` },
    );
  }
}

function insideSection(text: string, at: number, open: string, close: string): boolean {
  const start = text.lastIndexOf(open, at);
  if (start === -1) return false;
  const end = text.indexOf(close, start + open.length);
  return end === -1 || end > at;
}

/** Well-formedness check that names the line (offset by `baseLine` when checking a fragment). */
export function validateXml(text: string, format: string, baseLine = 0): void {
  const result = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (result !== true) {
    throw malformed(format, `line ${result.err.line + baseLine}`, result.err.msg);
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  tagValueProcessor: (_name: string, value: string) => decodeXmlText(value),
  attributeValueProcessor: (_name: string, value: string) => decodeXmlText(value),
});

/** Guarded parse: entity check, well-formedness with line numbers, then fast-xml-parser without entity processing. */
export function parseXml(text: string, format: string, options: { validated?: boolean } = {}): XmlNode {
  if (options.validated !== true) {
    assertNoEntityDeclarations(text, format);
    validateXml(text, format);
  }
  try {
    return parser.parse(text) as XmlNode;
  } catch (cause) {
    throw malformed(format, 'line 1', cause instanceof Error ? cause.message : String(cause), cause);
  }
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** All children named `name` (fast-xml-parser gives one object or an array). */
export function children(node: unknown, name: string): XmlNode[] {
  if (!isNode(node)) return [];
  const v = node[name];
  const list: unknown[] = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map((x) => (isNode(x) ? x : { '#text': x }));
}

export function child(node: unknown, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** Text content of a value or node, CDATA included; undefined when empty. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(text).filter((t): t is string => t !== undefined);
    return parts.length === 0 ? undefined : parts.join('\n');
  }
  if (!isNode(value)) return undefined;
  const joined = [text(value['#text']), text(value['#cdata'])].filter((t) => t !== undefined).join('');
  return joined === '' ? undefined : joined;
}

/** Text of the first child `name`. */
export function childText(node: unknown, name: string): string | undefined {
  if (!isNode(node)) return undefined;
  return text(node[name]);
}

export function attr(node: unknown, name: string): string | undefined {
  if (!isNode(node)) return undefined;
  const v = node[`@${name}`];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Name of the document element, skipping the prolog (declaration, PIs, comments, DOCTYPE). */
export function rootElementName(sample: string): string | undefined {
  return /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(sample.replace(/<!--[\s\S]*?(?:-->|$)/g, ''))?.[1];
}
