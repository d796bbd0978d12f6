import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../../test/harness.ts';
import { multipartFiles, sarif } from './imports-test-helpers.ts';

const LIMIT = 256 * 1024;
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../../importers/test/fixtures/${name}`, import.meta.url)));

interface Summary {
  file: string;
  format: string;
  tool: string;
  findings: number;
  new: number;
  updated: number;
  fixed: number;
  assets: number;
}

describe.each(DATABASE_KINDS)('imports on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let other: TestOrg;
  let engagementId: string;
  const test = it.skipIf(skipKind(kind));
  const base = () => `/api/organisations/${org.id}/engagements/${engagementId}`;

  async function upload(token: string, files: { name: string; content: Buffer | string }[], url = base()) {
    const { payload, headers } = multipartFiles(files);
    const response = await h.workspace.app.inject({
      method: 'POST',
      url: `${url}/imports`,
      headers: { ...headers, authorization: `Bearer ${token}` },
      payload,
    });
    return { status: response.statusCode, json: () => response.json<unknown>() };
  }
  const count = async (table: 'findings' | 'assets' | 'imports' | 'audit_log') =>
    Number(
      (
        await h.workspace.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

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

  test('imports several files in one request, detected from content, with per-file counts', async () => {
    const response = await upload(org.tokens.auditor, [
      { name: 'scan.bin', content: fixture('sarif.sarif') },
      { name: 'hosts.dat', content: fixture('nmap.xml') },
    ]);
    expect(response.status).toBe(200);
    const [first, second] = response.json() as Summary[];
    expect(first).toMatchObject({ file: 'scan.bin', format: 'sarif', new: first?.findings, fixed: 0 });
    expect(second).toMatchObject({ file: 'hosts.dat', format: 'nmap', tool: 'Nmap', updated: 0 });
    expect(second?.assets).toBeGreaterThan(0);
    const findings = (
      await h.request(org.tokens.reviewer, 'GET', `${base()}/findings?pageSize=500`)
    ).json() as {
      total: number;
      items: { requirementUrns: string[]; assetId: string | null; tool: string }[];
    };
    expect(findings.total).toBe((first?.findings ?? 0) + (second?.findings ?? 0));
    expect(findings.items.some((f) => f.requirementUrns.length > 0)).toBe(true);
    expect(findings.items.filter((f) => f.tool === 'Nmap').every((f) => f.assetId !== null)).toBe(true);
    const imports = (await h.request(org.tokens.reviewer, 'GET', `${base()}/imports`)).json() as {
      fileName: string;
      sha256: string;
    }[];
    expect(imports.map((i) => i.fileName).sort()).toEqual(['hosts.dat', 'scan.bin']);
    expect(imports[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('the same issues imported twice are one finding each, lastSeen updated', async () => {
    const before = await count('findings');
    const response = await upload(org.tokens.auditor, [
      { name: 'again.sarif', content: fixture('sarif.sarif') },
    ]);
    expect(response.status).toBe(200);
    const [summary] = response.json() as Summary[];
    expect(summary).toMatchObject({ new: 0, updated: summary?.findings, fixed: 0 });
    expect(await count('findings')).toBe(before);
  });

  test('a finding absent from a newer scan of the same tool is fixed, and reopens when it comes back', async () => {
    const first = await upload(org.tokens.auditor, [{ name: 'a.sarif', content: sarif(['r1', 'r2', 'r3']) }]);
    expect((first.json() as Summary[])[0]).toMatchObject({ new: 3, fixed: 0 });
    const second = await upload(org.tokens.auditor, [{ name: 'b.sarif', content: sarif(['r1', 'r2']) }]);
    expect((second.json() as Summary[])[0]).toMatchObject({ new: 0, updated: 2, fixed: 1 });
    const fixed = (
      await h.request(org.tokens.auditor, 'GET', `${base()}/findings?tool=unit-scanner&status=fixed`)
    ).json() as { items: { ruleId: string; statusHistory: { status: string }[] }[] };
    expect(fixed.items.map((f) => f.ruleId)).toEqual(['r3']);
    expect(fixed.items[0]?.statusHistory.map((c) => c.status)).toEqual(['open', 'fixed']);
    const third = await upload(org.tokens.auditor, [{ name: 'c.sarif', content: sarif(['r1', 'r2', 'r3']) }]);
    expect((third.json() as Summary[])[0]).toMatchObject({ new: 0, updated: 3, fixed: 0 });
    const open = (
      await h.request(org.tokens.auditor, 'GET', `${base()}/findings?tool=UNIT-SCANNER&status=open`)
    ).json() as {
      total: number;
    };
    expect(open.total).toBe(3);
  });

  test('a malformed file stores nothing, even when another file of the request is fine', async () => {
    const counts = [await count('findings'), await count('imports'), await count('audit_log')];
    const broken =
      '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"a",}]}]}';
    const response = await upload(org.tokens.auditor, [
      { name: 'good.sarif', content: sarif(['n1', 'n2']) },
      { name: 'broken.sarif', content: broken },
    ]);
    expect(response.status).toBe(400);
    const error = (response.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('import.malformed');
    expect(error.message).toMatch(/^broken\.sarif: .*results\[0\]/);
    expect([await count('findings'), await count('imports'), await count('audit_log')]).toEqual(counts);
  });

  test('XML with an entity declaration is refused with import.xml_entities', async () => {
    const evil = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<nmaprun>&a;</nmaprun>\n';
    const response = await upload(org.tokens.auditor, [{ name: 'evil.xml', content: evil }]);
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'import.xml_entities' } });
  });

  test('an upload over the limit is refused with 413 before anything is stored', async () => {
    const before = await count('imports');
    const big = sarif(Array.from({ length: 3000 }, (_, i) => `rule-${i}`));
    expect(big.length).toBeGreaterThan(LIMIT);
    const response = await upload(org.tokens.auditor, [{ name: 'big.sarif', content: big }]);
    expect(response.status).toBe(413);
    expect(await count('imports')).toBe(before);
  });

  test('reviewers cannot import; other organisations get 404', async () => {
    const file = [{ name: 'x.sarif', content: sarif(['z']) }];
    expect((await upload(org.tokens.reviewer, file)).status).toBe(403);
    expect((await upload(other.tokens.admin, file)).status).toBe(404);
    const foreign = `/api/organisations/${other.id}/engagements/${engagementId}`;
    expect((await upload(other.tokens.admin, file, foreign)).status).toBe(404);
    expect((await h.request(other.tokens.admin, 'GET', `${base()}/imports`)).status).toBe(404);
  });
});
