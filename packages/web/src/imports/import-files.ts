/**
 * The import page's logic without the DOM: the list of chosen files, what the server detected in each, which file
 * an error names, and the two answers `POST …/imports` may give (202 with a job, or the older synchronous 200).
 */

/** `POST …/imports/detect`, one entry per file: the CLI's `--dry-run --json` contract. */
export interface Detection {
  readonly file: string;
  readonly format: string;
  readonly tool: string;
  readonly findings: number;
  readonly assets: number;
  readonly errors: readonly string[];
}

/** One imported file, in the job's result (or the synchronous answer). */
export interface ImportedFile {
  readonly file: string;
  readonly format: string;
  readonly tool: string;
  readonly findings: number;
  readonly new: number;
  readonly updated: number;
  readonly fixed: number;
  readonly assets: number;
  readonly importId: string;
  readonly sha256: string;
}

/** `GET …/imports`: one stored import, newest first. */
export interface ImportRecord {
  readonly id: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly size: number;
  readonly format: string;
  readonly tool: string;
  readonly toolVersion: string | null;
  readonly counts: Partial<Record<'findings' | 'new' | 'updated' | 'fixed' | 'assets', number>> | null;
  readonly actorId: string | null;
  readonly createdAt: string;
}

export type ProblemKind =
  'unknown-format' | 'malformed' | 'too-large' | 'empty' | 'unsafe-xml' | 'unsupported' | 'other';

/** Why a file cannot be imported: a kind the page words itself, and the server's message (line, JSON path). */
export interface Problem {
  readonly kind: ProblemKind;
  readonly message: string;
}

export interface Entry<F> {
  /** Stable across renders; a file name may only appear once in an import. */
  readonly name: string;
  readonly size: number;
  readonly file: F;
  /** True while the server is looking at the file. */
  readonly checking: boolean;
  /** What the server recognised; absent when it could not tell (a server without the detect route). */
  readonly detection?: Detection | undefined;
  readonly problem?: Problem | undefined;
}

/** Appends files to the list; a file named like one already listed is left out and reported. */
export function addFiles<F extends { readonly name: string; readonly size: number }>(
  entries: readonly Entry<F>[],
  files: readonly F[],
): { readonly entries: readonly Entry<F>[]; readonly duplicates: readonly string[] } {
  const names = new Set(entries.map((e) => e.name));
  const added: Entry<F>[] = [];
  const duplicates: string[] = [];
  for (const file of files) {
    if (names.has(file.name)) {
      duplicates.push(file.name);
      continue;
    }
    names.add(file.name);
    added.push({ name: file.name, size: file.size, file, checking: true });
  }
  return { entries: [...entries, ...added], duplicates };
}

const KINDS: Readonly<Record<string, ProblemKind>> = {
  'import.unknown_format': 'unknown-format',
  'import.malformed': 'malformed',
  'import.too_large': 'too-large',
  'request.too_large': 'too-large',
  'import.empty': 'empty',
  'import.xml_entities': 'unsafe-xml',
  'import.unsupported': 'unsupported',
};

/** Sorts a failed request into a problem kind (413 is always "too large", whatever the code says). */
export function problemOf(error: {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}): Problem {
  const kind = error.status === 413 ? 'too-large' : (KINDS[error.code] ?? 'other');
  return { kind, message: error.message };
}

/**
 * The file a server message is about: the server prefixes it with the file name (`scan.sarif: line 3: …`). The
 * longest matching name wins, so `a.xml` is not taken for `a.xml.bak`.
 */
export function fileNamed(message: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const name of names)
    if (message.startsWith(`${name}: `) && (best === undefined || name.length > best.length)) best = name;
  return best;
}

/** The server message without the `file: ` prefix, since the page already shows it beside the file. */
export function withoutFileName(message: string, name: string): string {
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** An entry of a detect or import answer: a record that names its file. */
function isFileEntry(value: unknown): value is Record<string, unknown> & { readonly file: string } {
  return isRecord(value) && typeof value.file === 'string';
}

/** What a detection and an imported file both tell of their file: its format, its tool, what it holds. */
function recognisedOf(entry: Record<string, unknown> & { readonly file: string }) {
  return {
    file: entry.file,
    format: text(entry.format),
    tool: text(entry.tool),
    findings: count(entry.findings),
    assets: count(entry.assets),
  };
}

function detectionOf(value: unknown): Detection | undefined {
  if (!isFileEntry(value)) return undefined;
  return { ...recognisedOf(value), errors: Array.isArray(value.errors) ? value.errors.map(String) : [] };
}

/** The entry of a detect answer (an array, one per file) for the file sent as `name`. */
export function readDetection(body: unknown, name: string): Detection {
  const list = (Array.isArray(body) ? body : [body]).map(detectionOf).filter((d) => d !== undefined);
  const match = list.find((d) => d.file === name) ?? (list.length === 1 ? list[0] : undefined);
  if (match === undefined) throw new Error(`the server's detection answer does not mention ${name}`);
  return match;
}

/** The problem of a file whose dry run reported errors (its format is then null: the message says what is wrong). */
export function detectionProblem(detection: Detection): Problem | undefined {
  return detection.errors.length === 0 ? undefined : { kind: 'other', message: detection.errors.join('; ') };
}

function importedOf(value: unknown): ImportedFile | undefined {
  if (!isFileEntry(value)) return undefined;
  return {
    ...recognisedOf(value),
    new: count(value.new),
    updated: count(value.updated),
    fixed: count(value.fixed),
    importId: text(value.importId),
    sha256: text(value.sha256),
  };
}

/** The imported files of a finished import job's `result` (`{ files: [...] }`; a bare array is taken too). */
export function readImportResult(result: unknown): readonly ImportedFile[] {
  const files = Array.isArray(result) ? result : isRecord(result) ? result.files : undefined;
  if (!Array.isArray(files)) throw new Error('the import job finished without the list of imported files');
  return files.map(importedOf).filter((f) => f !== undefined);
}

export type ImportStart =
  | { readonly kind: 'job'; readonly jobId: string }
  | { readonly kind: 'done'; readonly files: readonly ImportedFile[] };

/** `POST …/imports` answers 202 `{ jobId, files }` (a job to poll) or, before imports became jobs, 200 `[...]`. */
export function readImportStart(status: number, body: unknown): ImportStart {
  if (isRecord(body) && typeof body.jobId === 'string' && body.jobId !== '')
    return { kind: 'job', jobId: body.jobId };
  if (status === 200 && Array.isArray(body)) return { kind: 'done', files: readImportResult(body) };
  throw new Error(`unexpected answer to the import (HTTP ${status}): neither a job nor a list of files`);
}

/** Sums of the imported files, for the summary line. */
export function totals(files: readonly ImportedFile[]) {
  const sum = (key: 'findings' | 'new' | 'updated' | 'fixed' | 'assets') =>
    files.reduce((n, f) => n + f[key], 0);
  return {
    files: files.length,
    findings: sum('findings'),
    new: sum('new'),
    updated: sum('updated'),
    fixed: sum('fixed'),
    assets: sum('assets'),
  };
}

/** True when every listed file was looked at and none has a problem: the import may start. */
export function readyToImport(entries: readonly Entry<unknown>[]): boolean {
  return entries.length > 0 && entries.every((e) => !e.checking && e.problem === undefined);
}

/** Changes the entry of `file` (the same File object: a file removed and chosen again is another entry). */
export function updateEntry<F>(
  entries: readonly Entry<F>[],
  file: F,
  change: Partial<Omit<Entry<F>, 'name' | 'file' | 'size'>>,
): readonly Entry<F>[] {
  return entries.map((e) => (e.file === file ? { ...e, ...change } : e));
}
