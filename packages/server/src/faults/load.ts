import { call, type HttpResult, type SeededWorkspace } from './server-process.ts';

/** What a stream of requests saw: statuses by count, the 503 answers, and failures that are never acceptable. */
export interface LoadTally {
  readonly statuses: Map<number, number>;
  readonly unavailable: HttpResult[];
  /** Requests that got no HTTP answer at all (connection refused or reset, timeout). */
  readonly networkErrors: string[];
}

export interface Load {
  readonly tally: LoadTally;
  stop(): Promise<void>;
}

interface AssessmentRow {
  readonly id: string;
  readonly version: number;
}

/** Reads and versioned writes of the demo engagement from `loops` concurrent clients, until stopped. */
export function driveLoad(server: { readonly url: string }, seeded: SeededWorkspace, loops = 4): Load {
  const tally: LoadTally = { statuses: new Map(), unavailable: [], networkErrors: [] };
  const engagement = `/api/organisations/${seeded.organisationId}/engagements/${seeded.engagementId}`;
  let running = true;
  const record = (result: HttpResult): void => {
    tally.statuses.set(result.status, (tally.statuses.get(result.status) ?? 0) + 1);
    if (result.status === 503) tally.unavailable.push(result);
  };
  async function loop(index: number): Promise<void> {
    let row: AssessmentRow | undefined;
    let step = index;
    while (running) {
      step += 1;
      try {
        if (step % 3 === 0 && row !== undefined) {
          const result = await call(server, seeded.token, 'PATCH', `${engagement}/assessments/${row.id}`, {
            version: row.version,
            observation: `load ${index} step ${step}`,
          });
          record(result);
          const body = result.body as { version?: number; error?: { current?: { version?: number } } };
          const version = body.version ?? body.error?.current?.version;
          if (version !== undefined) row = { id: row.id, version };
        } else if (step % 3 === 1) {
          const result = await call(
            server,
            seeded.token,
            'GET',
            `${engagement}/assessments?pageSize=5&page=${1 + index}`,
          );
          record(result);
          const items = (result.body as { items?: AssessmentRow[] }).items;
          if (row === undefined && items?.[0] !== undefined)
            row = { id: items[0].id, version: items[0].version };
        } else {
          record(await call(server, seeded.token, 'GET', engagement));
        }
      } catch (error) {
        tally.networkErrors.push(error instanceof Error ? error.message : String(error));
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  const loopsDone = Promise.all(Array.from({ length: loops }, (_, index) => loop(index)));
  return {
    tally,
    async stop() {
      running = false;
      await loopsDone;
    },
  };
}

/** Polls `probe` until it returns true or `ms` pass; false on timeout. */
export async function eventually(probe: () => Promise<boolean>, ms: number, everyMs = 200): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if (await probe()) return true;
    } catch {
      // Not yet.
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return false;
}
