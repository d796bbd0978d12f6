/**
 * Removal of evidence-store content that no row refers to: content a crash left between the file commit and the
 * transaction commit, or content whose last referring row was deleted.
 *
 * Rows refer to content from `evidence.sha256` and `reports.files[].sha256` (the only tables whose content lives in
 * the store; `imports.sha256` records the hash of a tool file that is not kept). A writer commits content inside its
 * transaction after inserting the referring row (see `StagedFile.commit`), so it holds a ROW EXCLUSIVE lock on
 * that table until it commits. The removal takes SHARE locks on both tables before it looks for references: it waits
 * for every writer in flight, and writers that start meanwhile wait for it. So content is never deleted between a
 * writer's commit of the file and of its row: either the row is visible to the check, or the writer's commit comes
 * after the deletion and puts the content back from its staged copy.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { EvidenceStore, StoredContent } from './store.ts';

/** Content younger than this is never swept, so an upload in flight is left alone even by a misbehaving writer. */
export const DEFAULT_ORPHAN_GRACE_MS = 60 * 60 * 1000;

const BATCH = 500;
const REMOVE_CONCURRENCY = 8;

type Db = Kysely<Database> | Transaction<Database>;

/** The hashes among `hashes` that some row refers to. */
export async function referencedHashes(db: Db, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const evidence = await db
    .selectFrom('evidence')
    .select('sha256')
    .distinct()
    .where('sha256', 'in', hashes)
    .execute();
  const reports = await sql<{ sha256: string }>`
    select distinct f.value->>'sha256' as sha256
    from reports r cross join lateral jsonb_array_elements(r.files) f
    where f.value->>'sha256' in (${sql.join(hashes)})`.execute(db);
  return new Set([...evidence.map((r) => r.sha256), ...reports.rows.map((r) => r.sha256)]);
}

async function removeEach(store: EvidenceStore, hashes: readonly string[]): Promise<void> {
  for (let i = 0; i < hashes.length; i += REMOVE_CONCURRENCY)
    await Promise.all(hashes.slice(i, i + REMOVE_CONCURRENCY).map((h) => store.remove(h)));
}

/**
 * Removes, among `candidates`, the content no row refers to, under the locks described above; returns what it
 * removed. With `dryRun` it only reports what it would remove and takes no lock.
 */
async function removeUnreferenced(
  db: Kysely<Database>,
  store: EvidenceStore,
  candidates: readonly StoredContent[],
  dryRun: boolean,
): Promise<StoredContent[]> {
  const hashes = candidates.map((c) => c.sha256);
  if (dryRun) {
    const referenced = await referencedHashes(db, hashes);
    return candidates.filter((c) => !referenced.has(c.sha256));
  }
  return db.transaction().execute(async (tx) => {
    // Bounds how long writers can be held up if a long transaction makes the sweep wait; it retries next time.
    await sql`set local lock_timeout = '10s'`.execute(tx);
    await sql`lock table evidence, reports in share mode`.execute(tx);
    const referenced = await referencedHashes(tx, hashes);
    const orphans = candidates.filter((c) => !referenced.has(c.sha256));
    await removeEach(
      store,
      orphans.map((o) => o.sha256),
    );
    return orphans;
  });
}

export interface OrphanSweepOptions {
  /** Only content last modified longer ago than this is considered (DEFAULT_ORPHAN_GRACE_MS in production). */
  readonly olderThanMs: number;
  /** Report what would be removed without removing anything. */
  readonly dryRun?: boolean | undefined;
  /** Called after each batch (the scheduler extends its lease there). */
  readonly onBatch?: (() => Promise<void>) | undefined;
}

export interface OrphanSweepResult {
  readonly dryRun: boolean;
  /** Pieces of content in the store. */
  readonly scanned: number;
  /** Skipped because younger than the grace period. */
  readonly recent: number;
  /** Old enough, but some row refers to them. */
  readonly referenced: number;
  /** Removed (or, on a dry run, to be removed), by hash. */
  readonly removed: readonly { readonly sha256: string; readonly size: number }[];
  readonly removedBytes: number;
}

/** Deletes content that no evidence or report row refers to and that is older than the grace period. */
export async function sweepOrphanEvidence(
  db: Kysely<Database>,
  store: EvidenceStore,
  options: OrphanSweepOptions,
): Promise<OrphanSweepResult> {
  const dryRun = options.dryRun === true;
  const cutoff = Date.now() - options.olderThanMs;
  let scanned = 0;
  let recent = 0;
  let considered = 0;
  const removed: StoredContent[] = [];
  let batch: StoredContent[] = [];
  const flush = async () => {
    considered += batch.length;
    removed.push(...(await removeUnreferenced(db, store, batch, dryRun)));
    batch = [];
    await options.onBatch?.();
  };
  for await (const content of store.list()) {
    scanned += 1;
    if (content.modifiedAt.getTime() >= cutoff) recent += 1;
    else batch.push(content);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return {
    dryRun,
    scanned,
    recent,
    referenced: considered - removed.length,
    removed: removed.map((r) => ({ sha256: r.sha256, size: r.size })),
    removedBytes: removed.reduce((sum, r) => sum + r.size, 0),
  };
}

/**
 * Call after committing a transaction that deleted rows referring to content (evidence, reports): removes each of
 * `hashes` that no row refers to any more, at once rather than at the next sweep. Returns the hashes removed.
 */
export async function releaseContent(
  db: Kysely<Database>,
  store: EvidenceStore,
  hashes: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(hashes)];
  const out: string[] = [];
  for (let i = 0; i < unique.length; i += BATCH) {
    const candidates = unique
      .slice(i, i + BATCH)
      .map((sha256) => ({ sha256, size: 0, modifiedAt: new Date(0) }));
    out.push(...(await removeUnreferenced(db, store, candidates, false)).map((c) => c.sha256));
  }
  return out;
}
