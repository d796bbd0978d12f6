import type { Actor } from '@mica-audit/core';

/**
 * The JSON answers of hot reads (routes declared `cached`), remembered per caller and URL with the change generation
 * they were computed under (db/change-feed.ts). An entry answers only a request that settled on the same
 * generation: no write has committed since it was computed, so the database would answer the same bytes, and the
 * same caller passed the same authorization on the same rows. One entry per caller and URL (a newer generation
 * replaces the older), least recently used first out beyond `maxBytes`: memory follows what people read, not how
 * often they write.
 */
export class ResponseCache {
  readonly #entries = new Map<string, { readonly generation: number; readonly body: Buffer }>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes = 32 * 1024 * 1024) {
    this.#maxBytes = maxBytes;
  }

  get(key: string, generation: number): Buffer | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined || entry.generation !== generation) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.body;
  }

  set(key: string, generation: number, body: Buffer): void {
    const cost = body.length + key.length * 2;
    if (cost > this.#maxBytes / 8) return;
    this.#delete(key);
    this.#entries.set(key, { generation, body });
    this.#bytes += cost;
    for (const oldest of this.#entries.keys()) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#delete(oldest);
    }
  }

  /** Entries and bytes held (tests, diagnostics). */
  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes };
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= entry.body.length + key.length * 2;
  }
}

const actorKeys = new WeakMap<Actor, string>();

/**
 * Who an answer was computed for: the user and every membership with its role (an actor is built from the database
 * alone, so the same key under the same generation is the same authorization).
 */
export function actorKey(actor: Actor): string {
  let key = actorKeys.get(actor);
  if (key === undefined) {
    key = [actor.userId, ...actor.memberships.map((m) => `${m.organisationId}:${m.role}`).sort()].join(',');
    actorKeys.set(actor, key);
  }
  return key;
}
