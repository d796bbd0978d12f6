import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../../test/harness.ts';
import { multipartFiles, sarif } from './imports-test-helpers.ts';

const LIMIT = 256 * 1024;
const fixture = (name: string) =>
  readFile(fileURLToPath(new URL(`../../../../importers/test/fixtures/${name}`, import.meta.url)));

interface Summary {
  file: string;
  format: string;
  tool: string;
  findings: number;
  new: number;
  updated: number;
  fixed: number;
  assets: number;
  importId: string;
  sha256: string;
}
interface JobJson {
  status: string;
  progress: number;
  result: { files: Summary[] } | null;
  error: string | null;
}
type Files = { name: string; content: Buffer | string }[];

describe.each(DATABASE_KINDS)('imports on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let other: TestOrg;
  let engagementId: string;
  const test = it.skipIf(skipKind(kind));
  const base = () => `/api/organisations/${org.id}/engagements/${engagementId}`;

  async function post(token: string, files: Files, url = `${base()}/imports`) {
    const { payload, headers } = multipartFiles(files);
    const response = await h.workspace.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, authorization: `Bearer ${token}` },
      payload,
    });
    return { status: response.statusCode, headers: response.headers, json: () => response.json<unknown>() };
  }
  async function settled(jobId: string): Promise<JobJson> {
    for (let i = 0; i < 600; i += 1) {
      const job = (
        await h.request(org.tokens.reviewer, 'GET', `/api/organisations/${org.id}/jobs/${jobId}`)
      ).json() as JobJson;
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`import job ${jobId} did not finish`);
  }
  /** Uploads, expects the 202, waits for the job. */
  async function imported(files: Files): Promise<JobJson> {
    const response = await post(org.tokens.auditor, files);
    expect(response.status).toBe(202);
    return settled((response.json() as { jobId: string }).jobId);
  }
  const summaries = (job: JobJson) => job.result?.files ?? [];
  const count = async (table: 'findings' | 'assets' | 'imports' | 'audit_log' | 'jobs') =>
    Number(
      (
        await h.workspace.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const staged = () => readdir(join(h.dataDir, 'imports-staging')).catch(() => []);

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind, { uploadLimit: LIMIT });
    org = await h.organisation('imports');
    other = await h.organisation('imports-other');
    ({ engagementId } = await seedEngagement(h, org));
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h.close();
  }, 120_000);

  test('queues several files as one job (202) and reports per-file counts in its result', async () => {
    const scan = await fixture('sarif.sarif');
    const response = await post(org.tokens.auditor, [
      { name: 'scan.bin', content: scan },
      { name: 'hosts.dat', content: await fixture('nmap.xml') },
    ]);
    expect(response.status).toBe(202);
    const accepted = response.json() as { jobId: string; files: { file: string; sha256: string }[] };
    expect(response.headers.location).toBe(`/api/organisations/${org.id}/jobs/${accepted.jobId}`);
    expect(accepted.files[0]).toEqual({
      file: 'scan.bin',
      sha256: createHash('sha256').update(scan).digest('hex'),
      size: scan.length,
    });
    const job = await settled(accepted.jobId);
    expect(job).toMatchObject({ status: 'done', progress: 100, error: null });
    const [first, second] = summaries(job);
    expect(first).toMatchObject({ file: 'scan.bin', format: 'sarif', new: first?.findings, fixed: 0 });
    expect(first?.sha256).toBe(accepted.files[0]?.sha256);
    expect(second).toMatchObject({ file: 'hosts.dat', format: 'nmap', tool: 'Nmap', updated: 0 });
    expect(second?.assets).toBeGreaterThan(0);
    const findings = (
      await h.request(org.tokens.reviewer, 'GET', `${base()}/findings?pageSize=500`)
    ).json() as {
      total: number;
      items: {
        requirementUrns: string[];
        assetId: string | null;
        tool: string;
        status: string;
        statusHistory: { status: string; reason: string }[];
      }[];
    };
    expect(findings.total).toBe((first?.findings ?? 0) + (second?.findings ?? 0));
    expect(findings.items.some((f) => f.requirementUrns.length > 0)).toBe(true);
    expect(findings.items.filter((f) => f.tool === 'Nmap').every((f) => f.assetId !== null)).toBe(true);
    for (const f of findings.items)
      expect(f.statusHistory).toEqual([
        { status: f.status, at: expect.any(String) as unknown, reason: 'first seen' },
      ]);
    const imports = (await h.request(org.tokens.reviewer, 'GET', `${base()}/imports`)).json() as {
      id: string;
      fileName: string;
    }[];
    expect(imports.map((i) => i.fileName).sort()).toEqual(['hosts.dat', 'scan.bin']);
    expect(imports.map((i) => i.id).sort()).toEqual([first?.importId, second?.importId].sort());
    expect(await staged()).toEqual([]);
  });

  test('the same issues imported twice are one finding each, lastSeen updated', async () => {
    const before = await count('findings');
    const [summary] = summaries(
      await imported([{ name: 'again.sarif', content: await fixture('sarif.sarif') }]),
    );
    expect(summary).toMatchObject({ new: 0, updated: summary?.findings, fixed: 0 });
    expect(await count('findings')).toBe(before);
  });

  test('a finding absent from a newer scan of the same tool is fixed, and reopens when it comes back', async () => {
    const first = await imported([{ name: 'a.sarif', content: sarif(['r1', 'r2', 'r3']) }]);
    expect(summaries(first)[0]).toMatchObject({ new: 3, fixed: 0 });
    const second = await imported([{ name: 'b.sarif', content: sarif(['r1', 'r2']) }]);
    expect(summaries(second)[0]).toMatchObject({ new: 0, updated: 2, fixed: 1 });
    const fixed = (
      await h.request(org.tokens.auditor, 'GET', `${base()}/findings?tool=unit-scanner&status=fixed`)
    ).json() as { items: { ruleId: string; statusHistory: { status: string; reason: string }[] }[] };
    expect(fixed.items.map((f) => f.ruleId)).toEqual(['r3']);
    expect(fixed.items[0]?.statusHistory.map((c) => [c.status, c.reason])).toEqual([
      ['open', 'first seen'],
      ['fixed', 'absent from a newer unit-scanner scan'],
    ]);
    const third = await imported([{ name: 'c.sarif', content: sarif(['r1', 'r2', 'r3']) }]);
    expect(summaries(third)[0]).toMatchObject({ new: 0, updated: 3, fixed: 0 });
    const open = (
      await h.request(org.tokens.auditor, 'GET', `${base()}/findings?tool=UNIT-SCANNER&status=open`)
    ).json() as { total: number; items: { ruleId: string; statusHistory: { reason: string }[] }[] };
    expect(open.total).toBe(3);
    const reopened = open.items.find((f) => f.ruleId === 'r3');
    expect(reopened?.statusHistory.at(-1)?.reason).toBe('reported again by unit-scanner');
  });

  test('a malformed file fails the job and stores nothing, even when another file is fine', async () => {
    const counts = [await count('findings'), await count('imports'), await count('audit_log')];
    const broken =
      '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"a",}]}]}';
    const job = await imported([
      { name: 'good.sarif', content: sarif(['n1', 'n2']) },
      { name: 'broken.sarif', content: broken },
    ]);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^broken\.sarif: .*results\[0\]/);
    expect([await count('findings'), await count('imports'), await count('audit_log')]).toEqual(counts);
    expect(await staged()).toEqual([]);
  });

  test('XML with an entity declaration fails its job with a message about entities', async () => {
    const evil = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<nmaprun>&a;</nmaprun>\n';
    const job = await imported([{ name: 'evil.xml', content: evil }]);
    expect(job).toMatchObject({ status: 'failed' });
    expect(job.error).toMatch(/^evil\.xml: .*entit/i);
  });

  test('an unrecognisable file is refused at once (400 naming it), nothing queued or kept', async () => {
    const jobs = await count('jobs');
    const response = await post(org.tokens.auditor, [
      { name: 'ok.sarif', content: sarif(['q1']) },
      { name: 'notes.txt', content: 'meeting notes, not a scan\n' },
    ]);
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'import.unknown_format', message: expect.stringMatching(/^notes\.txt: /) as unknown },
    });
    expect(await count('jobs')).toBe(jobs);
    expect(await staged()).toEqual([]);
  });

  test('an upload over the limit is refused with 413 before anything is queued', async () => {
    const jobs = await count('jobs');
    const big = sarif(Array.from({ length: 3000 }, (_, i) => `rule-${i}`));
    expect(big.length).toBeGreaterThan(LIMIT);
    const response = await post(org.tokens.auditor, [{ name: 'big.sarif', content: big }]);
    expect(response.status).toBe(413);
    expect(await count('jobs')).toBe(jobs);
    expect(await staged()).toEqual([]);
  });

  test('detect answers the dry-run contract per file and stores nothing', async () => {
    const counts = [await count('findings'), await count('imports'), await count('jobs')];
    const response = await post(
      org.tokens.auditor,
      [
        { name: 'scan.sarif', content: await fixture('sarif.sarif') },
        { name: 'notes.txt', content: 'not a scan' },
      ],
      `${base()}/imports/detect`,
    );
    expect(response.status).toBe(200);
    const [scan, notes] = response.json() as Record<string, unknown>[];
    expect(Object.keys(scan ?? {})).toEqual(['file', 'format', 'tool', 'findings', 'assets', 'errors']);
    expect(scan).toMatchObject({ file: 'scan.sarif', format: 'sarif', errors: [] });
    expect(scan?.findings).toBeGreaterThan(0);
    expect(notes).toMatchObject({ file: 'notes.txt', format: null, tool: null, findings: 0, assets: 0 });
    expect((notes?.errors as string[])[0]).toMatch(/not in a supported format/);
    expect([await count('findings'), await count('imports'), await count('jobs')]).toEqual(counts);
    expect(await staged()).toEqual([]);
  });

  test('reviewers cannot import or detect; other organisations get 404', async () => {
    const file = [{ name: 'x.sarif', content: sarif(['z']) }];
    expect((await post(org.tokens.reviewer, file)).status).toBe(403);
    expect((await post(org.tokens.reviewer, file, `${base()}/imports/detect`)).status).toBe(403);
    expect((await post(other.tokens.admin, file)).status).toBe(404);
    const foreign = `/api/organisations/${other.id}/engagements/${engagementId}`;
    expect((await post(other.tokens.admin, file, `${foreign}/imports`)).status).toBe(404);
    expect((await h.request(other.tokens.admin, 'GET', `${base()}/imports`)).status).toBe(404);
  });
});
