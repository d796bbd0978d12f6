import pg from 'pg';
import { call, type SeededWorkspace } from './server-process.ts';

export interface JobState {
  readonly status: string;
  readonly progress: number;
  readonly attempts: number;
  readonly error: string | null;
  readonly result: unknown;
}

/** The job as the API answers it. */
export async function jobState(
  server: { readonly url: string },
  seeded: SeededWorkspace,
  jobId: string,
): Promise<JobState> {
  const result = await call(
    server,
    seeded.token,
    'GET',
    `/api/organisations/${seeded.organisationId}/jobs/${jobId}`,
  );
  if (result.status !== 200)
    throw new Error(`GET job ${jobId}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body as JobState;
}

/** Polls the job until `until` holds or `ms` pass; the last state seen either way. */
export async function pollJob(
  server: { readonly url: string },
  seeded: SeededWorkspace,
  jobId: string,
  until: (job: JobState) => boolean,
  ms: number,
  everyMs = 50,
): Promise<JobState> {
  const deadline = Date.now() + ms;
  let job = await jobState(server, seeded, jobId);
  while (!until(job) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    job = await jobState(server, seeded, jobId);
  }
  return job;
}

/**
 * Ends the lease the killed process held on the job, as if its 60 s had run out: the next worker claims it at once
 * instead of the test waiting a minute. Nothing else about the job changes (its attempt count stays).
 */
export async function expireLease(databaseUrl: string, jobId: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1`, [jobId]);
  } finally {
    await client.end();
  }
}

/** Rows of a table for a job or engagement, read straight from the database (no API cache in between). */
export async function countRows(
  databaseUrl: string,
  query: string,
  values: readonly unknown[],
): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(query, [...values]);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
