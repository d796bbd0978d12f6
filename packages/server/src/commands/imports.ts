import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError, authorize, isDomainError, type Actor } from '@mica-audit/core';
import {
  importFile,
  loadMappingRules,
  reconcile,
  type Finding,
  type ImportResult,
  type MappingRule,
} from '@mica-audit/importers';
import { appendAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { json } from '../db/json.ts';
import { inTransaction, type CommandProps, type InOrganisation, type QueryProps } from './context.ts';
import { loadEngagement } from './engagements.ts';
import {
  insertFindings,
  updateFixedFindings,
  updateSeenFindings,
  upsertAssets,
  storedFindings,
  type FindingWrite,
  type Stored,
} from './imports-write.ts';

/** One tool file received (streamed to disk and hashed) and ready to parse. */
export interface ImportFileInput {
  readonly path: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly size: number;
}

export interface ParsedImport {
  readonly file: ImportFileInput;
  readonly result: ImportResult;
}

/** What each imported file did, in the API response and the CLI output. */
export interface ImportSummary {
  readonly importId: string;
  readonly file: string;
  readonly format: string;
  readonly tool: string;
  readonly sha256: string;
  readonly findings: number;
  readonly new: number;
  readonly updated: number;
  readonly fixed: number;
  readonly assets: number;
}

let rules: Promise<readonly MappingRule[]> | undefined;
/** The shipped mapping table (packages/importers/mapping-rules.yaml), loaded once. */
export function mappingRules(): Promise<readonly MappingRule[]> {
  rules ??= loadMappingRules();
  return rules;
}

/** The import's error, prefixed with the file it concerns (too large becomes a 413 through its statusCode). */
function inFile(fileName: string, error: unknown): unknown {
  if (!isDomainError(error)) return error;
  const named = new DomainError(error.code, `${fileName}: ${error.message}`, {
    kind: error.kind,
    path: error.path,
    cause: error,
  });
  return error.code === 'import.too_large' ? Object.assign(named, { statusCode: 413 }) : named;
}

/** Parses every file before anything is written: the first bad file stops the whole import. */
export async function parseImports(
  files: readonly ImportFileInput[],
  options: { readonly now: string; readonly maxBytes?: number | undefined },
): Promise<ParsedImport[]> {
  const mapping = await mappingRules();
  const parsed: ParsedImport[] = [];
  for (const file of files) {
    try {
      const result = await importFile(file.path, {
        now: options.now,
        maxBytes: options.maxBytes,
        mappingRules: mapping,
      });
      parsed.push({ file, result });
    } catch (error) {
      throw inFile(file.fileName, error);
    }
  }
  return parsed;
}

/**
 * Reconciles a file tool by tool (a SARIF log may hold several runs): a stored finding becomes fixed only when a
 * newer scan of its own tool covered its asset and no longer reports it.
 */
function reconcileFile(stored: ReadonlyMap<string, Stored>, result: ImportResult, now: string) {
  const previous = [...stored.values()].map((s) => s.finding);
  const byTool = Map.groupBy(result.findings, (f) => f.tool);
  if (!byTool.has(result.tool)) byTool.set(result.tool, []);
  const fileAssets = result.assets.map((a) => a.key);
  let out = {
    new: [] as readonly Finding[],
    stillPresent: [] as readonly Finding[],
    fixed: [] as readonly Finding[],
  };
  for (const [tool, incoming] of byTool) {
    const assetScope = [...new Set([...incoming.map((f) => f.asset), ...fileAssets])];
    const changes = reconcile(previous, incoming, { tool, assetScope }, now);
    // concat, not push(...): a spread of 300,000 arguments overflows the stack.
    out = {
      new: out.new.concat(changes.new),
      stillPresent: out.stillPresent.concat(changes.stillPresent),
      fixed: out.fixed.concat(changes.fixed),
    };
  }
  return out;
}

export interface RecordImportsInput extends InOrganisation {
  readonly engagementId: string;
  readonly files: readonly ParsedImport[];
  /** The import time: lastSeen of what was seen, the time of every status change. */
  readonly now: string;
}

/**
 * Stores parsed files into the engagement, in the caller's transaction: findings deduplicated by fingerprint
 * against what the engagement already holds, findings absent from a newer scan of the same tool and assets marked
 * fixed, status history appended, assets upserted, one `imports` row and one audit entry per file.
 */
export async function recordImports({
  actor,
  input,
  tx,
}: CommandProps<RecordImportsInput>): Promise<ImportSummary[]> {
  authorize(actor, 'finding.import', input);
  await loadEngagement(tx, input.organisationId, input.engagementId);
  const scope = { organisationId: input.organisationId, engagementId: input.engagementId };
  const stored = await storedFindings(tx, input.organisationId, input.engagementId);
  const summaries: ImportSummary[] = [];
  for (const { file, result } of input.files) {
    const importId = randomUUID();
    const changes = reconcileFile(stored, result, input.now);
    const summary: ImportSummary = {
      importId,
      file: file.fileName,
      format: result.format,
      tool: result.tool,
      sha256: file.sha256,
      findings: result.findings.length,
      new: changes.new.length,
      updated: changes.stillPresent.length,
      fixed: changes.fixed.length,
      assets: result.assets.length,
    };
    await tx
      .insertInto('imports')
      .values({
        id: importId,
        organisation_id: input.organisationId,
        engagement_id: input.engagementId,
        file_name: file.fileName,
        sha256: file.sha256,
        size: file.size,
        format: result.format,
        tool: result.tool,
        tool_version: result.toolVersion ?? null,
        counts: json({
          findings: summary.findings,
          new: summary.new,
          updated: summary.updated,
          fixed: summary.fixed,
          assets: summary.assets,
        }),
        actor_id: actor.userId,
      })
      .execute();
    const assetIds = await upsertAssets(tx, scope, result.assets);
    const write = (finding: Finding, id: string): FindingWrite => ({
      id,
      finding,
      assetId: assetIds.get(finding.asset) ?? null,
    });
    const fresh = changes.new.map((f) => write(f, randomUUID()));
    const seen = changes.stillPresent.map((f) => write(f, stored.get(f.fingerprint)?.id ?? ''));
    const fixed = changes.fixed.map((f) => ({ ...f, id: stored.get(f.fingerprint)?.id ?? '' }));
    await insertFindings(tx, { ...scope, importId }, fresh);
    await updateSeenFindings(tx, { organisationId: input.organisationId, importId }, seen);
    await updateFixedFindings(tx, scope, fixed);
    for (const w of [...fresh, ...seen]) stored.set(w.finding.fingerprint, { id: w.id, finding: w.finding });
    for (const f of fixed) stored.set(f.fingerprint, { id: f.id, finding: f });
    await appendAudit(tx, {
      organisationId: input.organisationId,
      actorId: actor.userId,
      action: 'finding.import',
      entityType: 'import',
      entityId: importId,
      before: null,
      after: { ...summary, engagementId: input.engagementId },
    });
    summaries.push(summary);
  }
  return summaries;
}

/** Refuses an import before its upload is read: no right to import, or no such engagement here (404). */
export async function checkImportTarget({
  actor,
  input,
  tx,
}: QueryProps<InOrganisation & { readonly engagementId: string }>): Promise<void> {
  authorize(actor, 'finding.import', input);
  await loadEngagement(tx, input.organisationId, input.engagementId);
}

/** Parses the files, then stores them in one transaction: all or nothing. Used by the API and the CLI. */
export async function importFiles(
  db: Kysely<Database>,
  actor: Actor,
  input: InOrganisation & {
    readonly engagementId: string;
    readonly files: readonly ImportFileInput[];
    readonly maxBytes?: number | undefined;
  },
): Promise<ImportSummary[]> {
  authorize(actor, 'finding.import', input);
  const now = new Date().toISOString();
  const files = await parseImports(input.files, { now, maxBytes: input.maxBytes });
  return inTransaction(db, (tx) =>
    recordImports({
      actor,
      input: { organisationId: input.organisationId, engagementId: input.engagementId, files, now },
      tx,
    }),
  );
}

/** The imports recorded for an engagement, newest first. */
export async function listImports({
  actor,
  input,
  tx,
}: QueryProps<InOrganisation & { readonly engagementId: string }>) {
  authorize(actor, 'finding.read', input);
  await loadEngagement(tx, input.organisationId, input.engagementId);
  const rows = await tx
    .selectFrom('imports')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    sha256: r.sha256,
    size: Number(r.size),
    format: r.format,
    tool: r.tool,
    toolVersion: r.tool_version,
    counts: r.counts,
    actorId: r.actor_id,
    createdAt: r.created_at.toISOString(),
  }));
}
