import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Derived read results (an engagement's assessment counts, pages of its assessment list), remembered by a key that
 * names the exact database state they were computed from: the engagement's assessments revision, which triggers
 * bump in the same transaction as every insert, update or delete of its assessments, whatever code path writes
 * them (migration 20261122160000). A request still authenticates, authorizes and loads the engagement (reading
 * the revision in the same query); only the work after that is skipped when nothing changed. Nothing here decides what a caller may see, and a server
 * process that has never seen a key computes it like any other: several processes share a database safely.
 *
 * One cache per database handle, and none inside a transaction: a transaction may see its own uncommitted writes
 * under a revision number a rollback would hand out again.
 */
export class ReadCache {
  readonly #entries = new Map<string, { value: unknown; bytes: number }>();
  #bytes = 0;
  readonly #maxBytes: number;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.#maxBytes = maxBytes;
  }

  /** The remembered value for `key`, or `compute()`'s, remembered (frozen: every later caller shares it). */
  async get<T extends object>(
    key: string,
    bytes: (value: T) => number,
    compute: () => T | Promise<T>,
  ): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      // Least recently used goes first: re-insert at the end.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.value as T;
    }
    const value = deepFreeze(await compute());
    shared.add(value);
    const size = bytes(value);
    if (size > this.#maxBytes / 4) return value;
    this.#entries.set(key, { value, bytes: size });
    this.#bytes += size;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
    return value;
  }
}

/** Values handed out by a cache: deeply frozen, so their JSON text never changes. */
const shared = new WeakSet<object>();
const caches = new WeakMap<Kysely<Database>, ReadCache>();

/** The cache of a database handle; undefined inside a transaction. */
export function readCacheOf(tx: Kysely<Database>): ReadCache | undefined {
  if (tx.isTransaction) return undefined;
  let cache = caches.get(tx);
  if (cache === undefined) {
    cache = new ReadCache();
    caches.set(tx, cache);
  }
  return cache;
}

const scopingCaches = new WeakMap<object, ReadCache>();

/** Answers that depend only on the request and the server's catalogue (scoping), one cache per catalogue. */
export function scopingCacheOf(catalogue: object): ReadCache {
  let cache = scopingCaches.get(catalogue);
  if (cache === undefined) {
    cache = new ReadCache(32 * 1024 * 1024);
    scopingCaches.set(catalogue, cache);
  }
  return cache;
}

const serialized = new WeakMap<object, Buffer>();

/**
 * The JSON of a cached (frozen, shared) value, serialized and UTF-8 encoded once: a page of 500 assessments is
 * 150 kB of JSON, and serializing and encoding it again for every request would cost more than reading it. Byte for
 * byte what Fastify's default serializer (JSON.stringify) would send. Undefined for values that did not come from a
 * cache.
 */
export function jsonOfCached(value: unknown): Buffer | undefined {
  if (typeof value !== 'object' || value === null || !shared.has(value)) return undefined;
  let bytes = serialized.get(value);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(value));
    serialized.set(value, bytes);
  }
  return bytes;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
