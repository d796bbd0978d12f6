import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE, openHarness, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';

interface Requirement {
  urn: string;
  regulation: string;
  applicable: boolean;
  reasons: string[];
}
interface Preview {
  profile: { name: string };
  requirements: Requirement[];
  counts: { regulation: string; applicable: number; excluded: number }[];
}

/** Rows in every table the preview could conceivably write to. */
async function rowCounts(h: Harness): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['entities', 'engagements', 'assessments', 'audit_log', 'jobs']) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(
      h.workspace.database.db,
    );
    out[table] = Number(rows[0]?.n);
  }
  return out;
}

describe('scoping preview API on pglite', () => {
  let h: Harness;
  let org: TestOrg;
  let other: TestOrg;
  let engagementId: string;
  const url = (o: TestOrg) => `/api/organisations/${o.id}/scoping/preview`;

  beforeAll(async () => {
    h = await openHarness('pglite');
    org = await h.organisation('preview');
    other = await h.organisation('elsewhere');
    ({ engagementId } = await seedEngagement(h, org));
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  }, 120_000);

  // A reviewer asks: any member may preview, whatever their role or team.
  it('answers what opening the engagement would scope, with reasons and counts, storing nothing', async () => {
    const before = await rowCounts(h);
    const answer = await h.request(org.tokens.reviewer, 'POST', url(org), { profile: PROFILE, lang: 'fr' });
    expect(answer.status).toBe(200);
    const preview = answer.json() as Preview;
    expect(await rowCounts(h)).toEqual(before);

    const engagement = (
      await h.request(
        org.tokens['lead-auditor'],
        'GET',
        `/api/organisations/${org.id}/engagements/${engagementId}/scoping?lang=fr`,
      )
    ).json() as Preview;
    expect(preview.requirements).toEqual(engagement.requirements);
    expect(preview.requirements.every((r) => r.reasons.length > 0)).toBe(true);

    const mica = preview.counts.find((c) => c.regulation === 'MiCA');
    const micaRequirements = preview.requirements.filter((r) => r.regulation === 'MiCA');
    expect(mica).toEqual({
      regulation: 'MiCA',
      applicable: micaRequirements.filter((r) => r.applicable).length,
      excluded: micaRequirements.filter((r) => !r.applicable).length,
    });
    expect(mica?.applicable).toBeGreaterThan(0);
    expect(preview.counts.reduce((n, c) => n + c.applicable + c.excluded, 0)).toBe(
      preview.requirements.length,
    );
  });

  it('follows the profile: adding a service makes more requirements applicable', async () => {
    const applicable = async (services: string[]) => {
      const answer = await h.request(org.tokens.contributor, 'POST', url(org), {
        profile: { ...PROFILE, services },
      });
      expect(answer.status).toBe(200);
      return (answer.json() as Preview).requirements.filter((r) => r.applicable);
    };
    const without = await applicable(['transfer']);
    const withCustody = await applicable(['transfer', 'custody']);
    expect(withCustody.length).toBeGreaterThan(without.length);
    const before = new Set(without.map((r) => r.urn));
    const added = withCustody.filter((r) => !before.has(r.urn));
    // The newly applicable requirements say why: the custody service.
    expect(added.some((r) => r.reasons.some((reason) => /custody/i.test(reason)))).toBe(true);
  });

  it('refuses a bad profile with the path of the problem', async () => {
    const bad = await h.request(org.tokens.auditor, 'POST', url(org), {
      profile: { ...PROFILE, services: ['custody', 'lending'] },
    });
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: { message: string } }).error.message).toMatch(/^profile\.services\[1\]: /);
    const missing = await h.request(org.tokens.auditor, 'POST', url(org), { lang: 'en' });
    expect(missing.status).toBe(400);
    expect((missing.json() as { error: { message: string } }).error.message).toMatch(/^profile: /);
  });

  it('is for members only: another organisation gets 404, anonymous 401', async () => {
    expect((await h.request(other.tokens.admin, 'POST', url(org), { profile: PROFILE })).status).toBe(404);
    expect((await h.request(undefined, 'POST', url(org), { profile: PROFILE })).status).toBe(401);
  });

  it('is advertised in the OpenAPI document', async () => {
    const doc = (await h.request(undefined, 'GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.paths['/api/organisations/{organisationId}/scoping/preview']?.post).toBeDefined();
  });
});
