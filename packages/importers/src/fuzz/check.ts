import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDomainError } from '@mica-audit/core';
import { AUDIT_TYPES, EVIDENCE_MAX, FINDING_STATUSES, SEVERITIES, type Finding } from '../finding.ts';
import { importFile, parseContent, type ImportResult } from '../registry.ts';

/** Longest time one input may take, per parse. */
export const MAX_MS_PER_INPUT = 2_000;

const NOW = '2026-01-01T00:00:00.000Z';

/** What a normalised finding must satisfy whatever the input: the server stores these fields as they are. */
function findingProblems(f: Finding): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  need(/^[0-9a-f]{64}$/.test(f.fingerprint), `fingerprint ${JSON.stringify(f.fingerprint)}`);
  for (const key of ['tool', 'ruleId', 'title', 'asset'] as const)
    need(typeof f[key] === 'string' && f[key].length > 0, `${key} ${JSON.stringify(f[key])}`);
  need(typeof f.description === 'string', 'description is not a string');
  need(SEVERITIES.includes(f.severity), `severity ${JSON.stringify(f.severity)}`);
  need(AUDIT_TYPES.includes(f.auditType), `auditType ${JSON.stringify(f.auditType)}`);
  need(FINDING_STATUSES.includes(f.status), `status ${JSON.stringify(f.status)}`);
  need(
    f.cwe.every((c) => Number.isInteger(c) && c > 0),
    `cwe ${JSON.stringify(f.cwe)}`,
  );
  need(
    f.cve.every((c) => /^CVE-\d{4}-\d{4,}$/.test(c)),
    `cve ${JSON.stringify(f.cve)}`,
  );
  need(
    f.references.every((r) => /^https?:\/\//.test(r)),
    `references ${JSON.stringify(f.references)}`,
  );
  need(f.evidence === undefined || f.evidence.length <= EVIDENCE_MAX, 'evidence longer than EVIDENCE_MAX');
  need(f.occurrences >= 1, `occurrences ${f.occurrences}`);
  return problems;
}

function verify(result: ImportResult): void {
  const shape: { readonly findings: unknown; readonly assets: unknown } = result;
  if (!Array.isArray(shape.findings) || !Array.isArray(shape.assets))
    throw new Error('the result has no findings or assets array');
  for (const f of result.findings) {
    const problems = findingProblems(f);
    if (problems.length > 0)
      throw new Error(`finding ${JSON.stringify(f.title)} is not normalised: ${problems.join('; ')}`);
  }
  for (const a of result.assets)
    if (typeof a.key !== 'string' || a.key.length === 0) throw new Error('an asset has an empty key');
}

/** An import error of this package: a DomainError whose code is one of `import.*`. */
function isImportError(error: unknown): boolean {
  return isDomainError(error) && error.code.startsWith('import.');
}

function outcome(what: string, started: number, result: ImportResult | undefined, error: unknown): void {
  const ms = performance.now() - started;
  if (ms > MAX_MS_PER_INPUT)
    throw new Error(`${what} took ${ms.toFixed(0)} ms (limit ${MAX_MS_PER_INPUT} ms)`);
  if (result !== undefined) verify(result);
  else if (!isImportError(error))
    throw new Error(`${what} threw ${describe(error)}, not a typed import error`, { cause: error });
}

function describe(error: unknown): string {
  if (isDomainError(error)) return `DomainError ${error.code}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Parses `text` as `format` and through detection: each returns findings or throws an import error, in time. */
export function checkText(format: string, text: string): void {
  for (const options of [{ format }, {}]) {
    const what = options.format === undefined ? 'detection' : `parsing as ${format}`;
    const started = performance.now();
    let result: ImportResult | undefined;
    let error: unknown;
    try {
      result = parseContent(text, { now: NOW, ...options });
    } catch (e) {
      error = e;
    }
    outcome(what, started, result, error);
  }
}

/** The same through the file path (`importFile`, which streams SARIF and Nmap), the input written to `file`. */
export async function checkFile(format: string, text: string, file: string): Promise<void> {
  writeFileSync(file, text);
  for (const options of [{ format }, {}]) {
    const what = options.format === undefined ? 'streamed detection' : `streaming as ${format}`;
    const started = performance.now();
    let result: ImportResult | undefined;
    let error: unknown;
    try {
      result = await importFile(file, { now: NOW, ...options });
    } catch (e) {
      error = e;
    }
    outcome(what, started, result, error);
  }
}

/** Writes an input that failed to a file the report names, so it can be replayed by hand. */
export function keepInput(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mica-fuzz-failure-')), 'input');
  writeFileSync(path, text);
  return path;
}
