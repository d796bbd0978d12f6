import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { CHANGES_CHANNEL } from './migrations/20261122180000-change-notifications.ts';

/**
 * How a server process knows that what it remembers is still what the database holds. Every committed write
 * notifies `mica_changes` (migration 20261122180000); each notification this process receives bumps its generation.
 * An answer remembered under generation g is the database's answer for as long as the generation is still g.
 *
 * `settled()` is the read barrier that makes this exact across processes: it resolves once every write committed
 * before the call has been seen. On PostgreSQL it sends a query on the listening connection after the call and
 * waits for its answer: PostgreSQL delivers a session's pending notifications before it says it is ready for the next
 * query, so a write another process committed before the call has bumped the generation by then. Concurrent callers
 * share one such round trip (a caller arriving while one is in flight waits for the next), so under load the
 * barrier costs one trivial query per batch of requests instead of the queries of every request.
 * While the feed is not listening (not yet connected, connection lost, reconnecting) `settled()` resolves undefined
 * and nothing may be answered from memory; a reconnection bumps the generation, since writes went unheard.
 */
export interface ChangeFeed {
  settled(): Promise<number | undefined>;
  close(): Promise<void>;
}

/** How the listening connection names itself in pg_stat_activity. */
export const CHANGE_FEED_APPLICATION = 'mica-audit change feed';
const BARRIER_TIMEOUT_MS = 5_000;
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 30_000;

/**
 * The feed of a PostgreSQL database: one dedicated connection, opened on the first `settled()` (one-shot CLI
 * commands never open it) and reopened with back-off when lost.
 */
export function postgresChangeFeed(connectionString: string): ChangeFeed {
  let generation = 0;
  let client: pg.Client | undefined;
  let listening = false;
  let connecting = false;
  let closed = false;
  let started = false;
  let retryMs = RECONNECT_MIN_MS;
  let retryTimer: NodeJS.Timeout | undefined;
  // The barrier not yet sent, shared by everyone who asked since the last one left.
  let waiting: PromiseWithResolvers<number | undefined> | undefined;
  let sending = false;

  const lost = (which: pg.Client) => {
    if (which !== client) return;
    client = undefined;
    listening = false;
    generation++;
    void which.end().catch(() => undefined);
    scheduleConnect();
  };

  const scheduleConnect = () => {
    if (closed || retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(RECONNECT_MAX_MS, retryMs * 2);
  };

  const connect = async () => {
    if (closed || connecting || client !== undefined) return;
    connecting = true;
    const next = new pg.Client({
      connectionString,
      connectionTimeoutMillis: BARRIER_TIMEOUT_MS,
      application_name: CHANGE_FEED_APPLICATION,
    });
    next.on('notification', () => {
      generation++;
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      // Whatever was written while nobody listened is unknown: nothing remembered before now is trusted.
      generation++;
      listening = true;
      retryMs = RECONNECT_MIN_MS;
    } catch {
      next.removeAllListeners('end');
      void next.end().catch(() => undefined);
      scheduleConnect();
    } finally {
      connecting = false;
    }
  };

  const send = async () => {
    sending = true;
    while (waiting !== undefined) {
      const batch = waiting;
      waiting = undefined;
      const current = client;
      if (current === undefined || !listening) {
        batch.resolve(undefined);
        continue;
      }
      const before = generation;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          current.query('select 1'),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('change feed barrier timed out')), BARRIER_TIMEOUT_MS);
          }),
        ]);
        // A connection lost and found again while waiting may have missed writes: `lost` bumped the generation.
        batch.resolve(listening && client === current ? generation : undefined);
      } catch {
        batch.resolve(undefined);
        if (generation === before) lost(current);
      } finally {
        clearTimeout(timer);
      }
    }
    sending = false;
  };

  return {
    settled() {
      if (closed) return Promise.resolve(undefined);
      if (!listening) {
        // The first call opens the connection; after a loss, reconnecting is the back-off timer's job (a request
        // during an outage must not add a connection attempt of its own).
        if (!started) {
          started = true;
          void connect();
        }
        return Promise.resolve(undefined);
      }
      if (waiting === undefined) waiting = Promise.withResolvers<number | undefined>();
      const promise = waiting.promise;
      if (!sending) void send();
      return promise;
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      listening = false;
      waiting?.resolve(undefined);
      waiting = undefined;
      if (current !== undefined) {
        current.removeAllListeners('end');
        await current.end().catch(() => undefined);
      }
    },
  };
}

/**
 * The feed of an embedded PGlite database. Its one session runs every query of this process, and PGlite hands a
 * notification to its listeners (queued microtasks) while it reads the answer of the COMMIT that sent it, before that
 * query's promise settles; so once a write's transaction has returned, the generation already counts it, and no
 * other process can write to the database. `settled()` needs no round trip.
 */
export async function pgliteChangeFeed(pglite: PGlite): Promise<ChangeFeed> {
  let generation = 0;
  let listening = true;
  const unlisten = await pglite.listen(CHANGES_CHANNEL, () => {
    generation++;
  });
  return {
    settled: () => Promise.resolve(listening ? generation : undefined),
    async close() {
      if (!listening) return;
      listening = false;
      await unlisten().catch(() => undefined);
    },
  };
}
