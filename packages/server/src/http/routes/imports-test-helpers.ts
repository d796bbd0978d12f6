/** Test inputs for imports: small SARIF logs, multipart bodies with several files, and waiting for an import job. */
import type { FastifyInstance } from 'fastify';

/** A SARIF log of one tool with one result per rule id, all in one file of one repository. */
export function sarif(rules: readonly string[], tool = 'unit-scanner'): string {
  return JSON.stringify({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool, rules: rules.map((id) => ({ id })) } },
        results: rules.map((ruleId, i) => ({
          ruleId,
          level: 'error',
          message: { text: `problem ${ruleId}` },
          locations: [
            { physicalLocation: { artifactLocation: { uri: 'src/app.ts' }, region: { startLine: i + 1 } } },
          ],
        })),
      },
    ],
  });
}

/** multipart/form-data with one file part per entry. */
export function multipartFiles(files: readonly { name: string; content: Buffer | string }[]) {
  const boundary = '----mica-import-boundary';
  const parts = files.flatMap((f) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** What `GET …/jobs/:jobId` answers about an import job. */
export interface ImportJobJson {
  readonly status: string;
  readonly progress: number;
  readonly result: { files: Record<string, unknown>[] } | null;
  readonly error: string | null;
}

/**
 * Posts files to `…/engagements/:id/imports`, expects the 202, and polls the job it names until it settles (the
 * app's own worker runs it).
 */
export async function importAndWait(
  app: { inject: FastifyInstance['inject'] },
  token: string,
  url: string,
  files: readonly { name: string; content: Buffer | string }[],
): Promise<ImportJobJson> {
  const { payload, headers } = multipartFiles(files);
  const authorization = `Bearer ${token}`;
  const posted = await app.inject({ method: 'POST', url, headers: { ...headers, authorization }, payload });
  if (posted.statusCode !== 202) throw new Error(`import: ${posted.statusCode} ${posted.body}`);
  const jobUrl = String(posted.headers.location);
  for (let i = 0; i < 600; i += 1) {
    const job = (
      await app.inject({ method: 'GET', url: jobUrl, headers: { authorization } })
    ).json<ImportJobJson>();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the import job at ${jobUrl} did not finish`);
}
