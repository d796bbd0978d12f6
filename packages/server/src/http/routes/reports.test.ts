import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wakeJobWorker } from '../../jobs/server-jobs.ts';
import { DATABASE_KINDS, skipKind } from '../../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../../test/harness.ts';

interface JobJson {
  id: string;
  attempts: number;
  status: string;
  progress: number;
  result: { reportId: string } | null;
  error: string | null;
}
interface ReportJson {
  id: string;
  reportVersion: string;
  auditLogHead: string;
  files: { file: string; format: string; sha256: string; size: number; mediaType: string }[];
}
interface ManifestJson {
  engagementId: string;
  reportVersion: string;
  auditLogHead: string;
  files: { file: string; sha256: string; size: number }[];
}

describe.each(DATABASE_KINDS)('reports and jobs API on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let other: TestOrg;
  let engagementId: string;
  const base = () => `/api/organisations/${org.id}/engagements/${engagementId}/reports`;
  const formats = kind === 'pglite' ? ['pdf', 'json', 'oscal-ar'] : ['json', 'oscal-poam', 'xlsx'];

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('issuer');
    other = await h.organisation('stranger');
    ({ engagementId } = await seedEngagement(h, org));
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);
  const test = it.skipIf(skipKind(kind));

  async function settled(jobId: string): Promise<JobJson> {
    const url = `/api/organisations/${org.id}/jobs/${jobId}`;
    for (let i = 0; i < 600; i += 1) {
      const job = (await h.request(org.tokens.reviewer, 'GET', url)).json() as JobJson;
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  test('issues a report as a job, lists it, serves its manifest and files', async () => {
    // One assessed requirement: the PDF's radar chart needs at least one scored domain.
    const assessments = `/api/organisations/${org.id}/engagements/${engagementId}/assessments`;
    const page = (await h.request(org.tokens.auditor, 'GET', `${assessments}?pageSize=1`)).json() as {
      items: { id: string; version: number }[];
    };
    const first = page.items[0] as { id: string; version: number };
    await h.request(org.tokens.auditor, 'PATCH', `${assessments}/${first.id}`, {
      version: first.version,
      status: 'compliant',
      maturity: 3,
    });
    const started = await h.request(org.tokens['lead-auditor'], 'POST', base(), { formats, lang: 'fr' });
    expect(started.status).toBe(202);
    const { jobId } = started.json() as { jobId: string };
    expect(started.headers.location).toBe(`/api/organisations/${org.id}/jobs/${jobId}`);
    const job = await settled(jobId);
    expect(job).toMatchObject({ status: 'done', progress: 100, error: null });

    const list = (await h.request(org.tokens.reviewer, 'GET', base())).json() as { items: ReportJson[] };
    expect(list.items).toHaveLength(1);
    const report = list.items[0] as ReportJson;
    expect(report.id).toBe(job.result?.reportId);
    expect(report.reportVersion).toBe('1');
    expect(report.files.map((f) => f.format).sort()).toEqual([...formats].sort());

    const manifest = (
      await h.request(org.tokens.reviewer, 'GET', `${base()}/${report.id}/manifest`)
    ).json() as ManifestJson;
    expect(manifest).toMatchObject({ engagementId, reportVersion: '1', auditLogHead: report.auditLogHead });
    expect(manifest.auditLogHead).toMatch(/^[0-9a-f]{64}$/);
    // The head at issue time precedes the report's own audit entry, so it is an entry of the chain, not the tip.
    const chain = await h.workspace.database.db.selectFrom('audit_log').select(['hash', 'action']).execute();
    expect(chain.map((e) => e.hash)).toContain(manifest.auditLogHead);
    expect(chain.map((e) => e.action)).toEqual(expect.arrayContaining(['report.request', 'report.issue']));

    for (const entry of manifest.files) {
      const download = await h.workspace.app.inject({
        method: 'GET',
        url: `${base()}/${report.id}/files/${encodeURIComponent(entry.file)}`,
        headers: { authorization: `Bearer ${org.tokens.contributor}` },
      });
      expect(download.statusCode).toBe(200);
      // Deliverable names are portable ASCII, so the plain and the RFC 5987 forms of the name are the same.
      expect(entry.file).toMatch(
        /^mica-audit_exemple-garde-sas_mica-authorisation-audit-2026_\d{4}-\d{2}-\d{2}(_fr\.(pdf|xlsx)|_snapshot\.json|_oscal-(assessment-results|poam)\.json)$/,
      );
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="${entry.file}"; filename*=UTF-8''${entry.file}`,
      );
      expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(entry.sha256);
      expect(download.rawPayload.length).toBe(entry.size);
    }
    const json = report.files.find((f) => f.format === 'json' || f.format === 'oscal-ar');
    expect(json?.mediaType).toBe('application/json');
  }, 120_000);

  test('lets only lead auditors and admins issue reports, and validates the request', async () => {
    for (const role of ['auditor', 'contributor', 'reviewer'] as const) {
      const denied = await h.request(org.tokens[role], 'POST', base(), { formats: ['json'] });
      expect(denied.status).toBe(403);
    }
    const admin = await h.request(org.tokens.admin, 'POST', base(), { formats: ['json'] });
    expect(admin.status).toBe(202);
    const adminJobId = (admin.json() as { jobId: string }).jobId;
    const done = await settled(adminJobId);
    // A retry of a job whose report was already committed (its process died before marking it done) issues nothing new.
    const count = async () =>
      ((await h.request(org.tokens.reviewer, 'GET', base())).json() as { items: unknown[] }).items.length;
    const before = await count();
    await h.workspace.database.db
      .updateTable('jobs')
      .set({ status: 'queued' })
      .where('id', '=', adminJobId)
      .execute();
    wakeJobWorker(h.workspace.database.db);
    for (let i = 0; i < 100 && (await settled(adminJobId)).attempts < 2; i += 1)
      await new Promise((r) => setTimeout(r, 50));
    expect(await settled(adminJobId)).toMatchObject({ status: 'done', attempts: 2, result: done.result });
    expect(await count()).toBe(before);
    const bad = await h.request(org.tokens.admin, 'POST', base(), { formats: ['pptx'] });
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: { message: string } }).error.message).toMatch(/^formats\[0\]: /);
    const empty = await h.request(org.tokens.admin, 'POST', base(), { formats: [] });
    expect(empty.status).toBe(400);
    const unknown = await h.request(
      org.tokens.admin,
      'POST',
      `/api/organisations/${org.id}/engagements/nope/reports`,
      { formats: ['json'] },
    );
    expect(unknown.status).toBe(404);
  }, 60_000);

  test('answers 404 for unknown reports, files and jobs', async () => {
    const list = (await h.request(org.tokens.reviewer, 'GET', base())).json() as { items: ReportJson[] };
    const report = list.items[0] as ReportJson;
    expect((await h.request(org.tokens.reviewer, 'GET', `${base()}/nope/manifest`)).status).toBe(404);
    expect(
      (await h.request(org.tokens.reviewer, 'GET', `${base()}/${report.id}/files/other.pdf`)).status,
    ).toBe(404);
    expect(
      (await h.request(org.tokens.reviewer, 'GET', `/api/organisations/${org.id}/jobs/nope`)).status,
    ).toBe(404);
  });

  test('hides reports and jobs from every role of another organisation', async () => {
    const list = (await h.request(org.tokens.reviewer, 'GET', base())).json() as { items: ReportJson[] };
    const report = list.items[0] as ReportJson;
    const job = await h.workspace.database.db
      .selectFrom('jobs')
      .select('id')
      .where('organisation_id', '=', org.id)
      .executeTakeFirstOrThrow();
    const urls: [string, unknown][] = [
      [`GET ${base()}`, undefined],
      [`POST ${base()}`, { formats: ['json'] }],
      [`GET ${base()}/${report.id}/manifest`, undefined],
      [`GET ${base()}/${report.id}/files/${report.files[0]?.file ?? ''}`, undefined],
      [`GET /api/organisations/${org.id}/jobs/${job.id}`, undefined],
    ];
    for (const token of Object.values(other.tokens))
      for (const [call, body] of urls) {
        const [method, url] = call.split(' ') as ['GET' | 'POST', string];
        const response = await h.request(token, method, url, body);
        expect([403, 404], `${call}`).toContain(response.status);
      }
    // The stranger's own organisation path does not reach the first organisation's report or job either.
    const crossed = `/api/organisations/${other.id}/engagements/${engagementId}/reports/${report.id}/manifest`;
    expect((await h.request(other.tokens.admin, 'GET', crossed)).status).toBe(404);
    expect(
      (await h.request(other.tokens.admin, 'GET', `/api/organisations/${other.id}/jobs/${job.id}`)).status,
    ).toBe(404);
  });
});
