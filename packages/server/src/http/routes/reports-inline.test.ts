// `?disposition=inline` on a report file: the web app's PDF preview frame. The route reads no more rows than a
// download, so PGlite alone covers it.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../../test/harness.ts';

interface ReportJson {
  id: string;
  files: { file: string; format: string; sha256: string; size: number; mediaType: string }[];
}

describe('report files shown inline', () => {
  let h: Harness;
  let org: TestOrg;
  let reportsUrl: string;
  let report: ReportJson;

  beforeAll(async () => {
    h = await openHarness('pglite');
    org = await h.organisation('inline');
    const { engagementId } = await seedEngagement(h, org);
    const engagement = `/api/organisations/${org.id}/engagements/${engagementId}`;
    // One assessed requirement: the PDF's radar chart needs at least one scored domain.
    const page = (
      await h.request(org.tokens.auditor, 'GET', `${engagement}/assessments?pageSize=1`)
    ).json() as {
      items: { id: string; version: number }[];
    };
    const first = page.items[0] as { id: string; version: number };
    await h.request(org.tokens.auditor, 'PATCH', `${engagement}/assessments/${first.id}`, {
      version: first.version,
      status: 'compliant',
      maturity: 3,
    });
    reportsUrl = `${engagement}/reports`;
    const started = await h.request(org.tokens['lead-auditor'], 'POST', reportsUrl, {
      formats: ['pdf', 'json'],
      lang: 'en',
    });
    const { jobId } = started.json() as { jobId: string };
    for (let i = 0; i < 600; i += 1) {
      const job = (
        await h.request(org.tokens.reviewer, 'GET', `/api/organisations/${org.id}/jobs/${jobId}`)
      ).json() as {
        status: string;
        error: string | null;
      };
      if (job.status === 'failed') throw new Error(`the report job failed: ${job.error ?? ''}`);
      if (job.status === 'done') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const list = (await h.request(org.tokens.reviewer, 'GET', reportsUrl)).json() as { items: ReportJson[] };
    report = list.items[0] as ReportJson;
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  }, 60_000);

  const get = (name: string, query = '') =>
    h.workspace.app.inject({
      method: 'GET',
      url: `${reportsUrl}/${report.id}/files/${encodeURIComponent(name)}${query}`,
      headers: { authorization: `Bearer ${org.tokens.reviewer}` },
    });

  it('serves the PDF inline, framable by our own origin only, under the API sandbox', async () => {
    const pdf = report.files.find((f) => f.format === 'pdf');
    expect(pdf).toBeDefined();
    const inline = await get(pdf?.file ?? '', '?disposition=inline');
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(inline.headers['content-disposition']).toBe(
      `inline; filename="${pdf?.file}"; filename*=UTF-8''${pdf?.file}`,
    );
    expect(inline.headers['x-frame-options']).toBe('SAMEORIGIN');
    const csp = String(inline.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/(^|; )sandbox($|;)/);
    expect(inline.headers['x-content-type-options']).toBe('nosniff');
    expect(inline.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(inline.rawPayload).digest('hex')).toBe(pdf?.sha256);
  });

  it('keeps downloads as attachments that nothing may frame', async () => {
    const pdf = report.files.find((f) => f.format === 'pdf');
    for (const query of ['', '?disposition=attachment']) {
      const download = await get(pdf?.file ?? '', query);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toMatch(/^attachment; /);
      expect(download.headers['x-frame-options']).toBe('DENY');
      expect(String(download.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    }
  });

  it('refuses to show anything but a PDF inline, and an unknown disposition', async () => {
    const json = report.files.find((f) => f.format === 'json');
    const refused = await get(json?.file ?? '', '?disposition=inline');
    expect(refused.statusCode).toBe(400);
    const error = refused.json<{ error: { code: string; message: string } }>().error;
    expect(error.code).toBe('report.inline_not_pdf');
    expect(error.message).toMatch(/^disposition: only PDF files/);
    const pdf = report.files.find((f) => f.format === 'pdf');
    const bogus = await get(pdf?.file ?? '', '?disposition=preview');
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json<{ error: { message: string } }>().error.message).toMatch(/^disposition: /);
  });
});
