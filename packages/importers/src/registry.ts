import { open, readFile, stat } from 'node:fs/promises';
import { uniqueAssets } from './asset.ts';
import { importError } from './errors.ts';
import type { Asset, Finding } from './finding.ts';
import type { Format, ParsedFile } from './format.ts';
import { FORMATS } from './formats/all.ts';
import type { MappingRule } from './mapping/rules.ts';
import { requirementsFor } from './mapping/match.ts';
import { dedupe } from './merge.ts';
import { HOLD_FROM_BYTES, withYoungGenerationHeld } from './util/young-generation.ts';

export { FORMATS };

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
const SAMPLE_BYTES = 64 * 1024;

export interface ImportResult {
  readonly format: string;
  readonly tool: string;
  readonly toolVersion?: string;
  readonly findings: readonly Finding[];
  readonly assets: readonly Asset[];
  /** Always empty: an import is all or nothing, any problem throws. */
  readonly errors: [];
}

export interface ImportOptions {
  /** Skip detection (needed for a 0-byte or `null` file, which every tool may produce). */
  readonly format?: string;
  /** Default 512 MiB. */
  readonly maxBytes?: number;
  /** Import time, ISO 8601; default now. */
  readonly now?: string;
  /** Mapping table; findings get `requirements` from it. */
  readonly mappingRules?: readonly MappingRule[];
  /** Called while the file is read and parsed (at least once at the start and once at the end). */
  readonly onProgress?: ((progress: ImportProgress) => void) | undefined;
}

/** How far `importFile` is: bytes of the file consumed and findings built so far. */
export interface ImportProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly findings: number;
}

export function formatByName(name: string): Format {
  const format = FORMATS.find((f) => f.name === name);
  if (format === undefined) {
    throw importError(
      'import.unknown_format',
      `Unknown format "${name}". Known formats: ${FORMATS.map((f) => f.name).join(', ')}.`,
    );
  }
  return format;
}

function isBlank(sample: string): boolean {
  const t = sample.replace(/^\uFEFF/, '').trim();
  return t === '' || t === 'null' || t === '[]' || t === '{}';
}

/** Finds the format from content only (the first 64 KiB), never from a file name. */
export function detectFormat(content: Buffer | string): Format {
  const sample =
    typeof content === 'string'
      ? content.slice(0, SAMPLE_BYTES)
      : content.subarray(0, SAMPLE_BYTES).toString('utf8');
  if (isBlank(sample)) {
    throw importError(
      'import.empty',
      'The file holds no results (it is empty, `null`, `[]` or `{}`), so its tool cannot be recognised. ' +
        'Choose the format explicitly to record a clean scan.',
    );
  }
  const format = FORMATS.find((f) => f.detect(sample));
  if (format === undefined) {
    throw importError(
      'import.unknown_format',
      `The file is not in a supported format. Supported: ${FORMATS.map((f) => f.label).join('; ')}. ` +
        'Export the tool report in one of them, or use the manual findings CSV template.',
    );
  }
  return format;
}

function tooLarge(size: number, max: number): Error {
  return importError(
    'import.too_large',
    `The file is ${size} bytes, more than the limit of ${max} bytes. Split the scan or raise the limit.`,
  );
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Findings of one file share few distinct mapping inputs (a rule on many lines): their URN lists are computed once.
const MAPPING_CACHE_LIMIT = 20_000;

/**
 * Fills `requirements` in place (the findings are the parser's own fresh objects): copying 300,000 findings to add
 * one field would double the memory of a large import. Equal mapping inputs share one frozen URN list.
 */
function mapInPlace(findings: readonly Finding[], rules: readonly MappingRule[]): void {
  const cache = new Map<string, readonly string[]>();
  for (const f of findings) {
    // Everything `ruleMatches` reads.
    const key = `${f.tool}\u0000${f.ruleId}\u0000${f.auditType}\u0000${f.severity}\u0000${f.location.kind}\u0000${f.cwe.join(',')}\u0000${f.categories.join(',')}`;
    let urns = cache.get(key);
    if (urns === undefined) {
      urns = Object.freeze(requirementsFor(f, rules));
      if (cache.size < MAPPING_CACHE_LIMIT) cache.set(key, urns);
    }
    (f as Mutable<Finding>).requirements = urns;
  }
}

function finish(format: Format, parsed: ParsedFile, options: ImportOptions): ImportResult {
  const findings = dedupe(parsed.findings);
  if (options.mappingRules !== undefined) mapInPlace(findings, options.mappingRules);
  return {
    format: format.name,
    tool: parsed.tool,
    ...(parsed.toolVersion === undefined ? {} : { toolVersion: parsed.toolVersion }),
    findings,
    assets: uniqueAssets(parsed.assets),
    errors: [],
  };
}

function emptyResult(format: Format): ImportResult {
  return { format: format.name, tool: format.label, findings: [], assets: [], errors: [] };
}

/** Detects and parses a document held in memory. Throws a DomainError on any problem; never a partial result. */
export function parseContent(content: Buffer | string, options: ImportOptions = {}): ImportResult {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  if (size > max) throw tooLarge(size, max);
  const format = options.format === undefined ? detectFormat(content) : formatByName(options.format);
  const text = (typeof content === 'string' ? content : content.toString('utf8')).replace(/^\uFEFF/, '');
  if (options.format !== undefined && isBlank(text)) return emptyResult(format);
  const now = options.now ?? new Date().toISOString();
  return finish(format, format.parse(text, { now }), options);
}

/** Reports progress at most every 1/200 of the file, so a callback that draws costs nothing measurable. */
function progressReporter(totalBytes: number, onProgress: ImportOptions['onProgress']) {
  if (onProgress === undefined) return undefined;
  const step = Math.max(1, Math.floor(totalBytes / 200));
  let next = 0;
  return (consumed: number, findings: number): void => {
    const bytesRead = Math.min(totalBytes, Math.max(0, consumed));
    if (bytesRead < next && bytesRead < totalBytes) return;
    next = bytesRead + step;
    onProgress({ bytesRead, totalBytes, findings });
  };
}

async function readHead(path: string, size: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  return head;
}

/** The format of a file from its first 64 KiB, without parsing it (an upload is checked before it is queued). */
export async function detectFileFormat(path: string): Promise<Format> {
  const { size } = await stat(path);
  return detectFormat(await readHead(path, size));
}

/**
 * Reads, detects and parses a file; large SARIF and Nmap files are streamed, and parsed with V8's young generation
 * held (util/young-generation.ts).
 */
export async function importFile(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { size } = await stat(path);
  if (size > max) throw tooLarge(size, max);
  const head = await readHead(path, size);
  const format = options.format === undefined ? detectFormat(head) : formatByName(options.format);
  if (options.format !== undefined && isBlank(head.toString('utf8')) && size <= SAMPLE_BYTES)
    return emptyResult(format);
  const now = options.now ?? new Date().toISOString();
  const report = progressReporter(size, options.onProgress);
  const parse = async (): Promise<ImportResult> => {
    report?.(0, 0);
    let parsed: ParsedFile;
    if (format.parseFile === undefined) {
      const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
      report?.(size, 0);
      parsed = format.parse(text, { now });
    } else parsed = await format.parseFile(path, { now, onProgress: report });
    return finish(format, parsed, options);
  };
  const result = size >= HOLD_FROM_BYTES ? await withYoungGenerationHeld(parse) : await parse();
  options.onProgress?.({ bytesRead: size, totalBytes: size, findings: result.findings.length });
  return result;
}
