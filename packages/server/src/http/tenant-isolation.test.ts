import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@mica-audit/core';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';
import { multipartFile } from '../test/multipart.ts';
import { allRoutes } from './app.ts';
import { callRoute } from './isolation.fixtures.ts';

/** Routes that name a victim resource even on the attacker's own organisation path (URL id or body id). */
function carriesVictimId(spec: { url: string; method: string; multipart?: boolean }): boolean {
  const params = spec.url.match(/:[A-Za-z]+/g) ?? [];
  return (
    params.length > 1 ||
    (spec.method === 'POST' && spec.url.endsWith('/engagements')) ||
    spec.multipart === true
  );
}

describe.each(DATABASE_KINDS)('tenant isolation on %s', (kind) => {
  let h: Harness;
  let victim: TestOrg;
  let attacker: TestOrg;
  const ids: Record<string, string> = {};
  let urn = '';
  const test = it.skipIf(skipKind(kind));

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    victim = await h.organisation('victim');
    attacker = await h.organisation('attacker');
    await seedEngagement(h, attacker); // the attacker has data of its own, so "empty" is not why it sees nothing
    const seeded = await seedEngagement(h, victim);
    const base = `/api/organisations/${victim.id}/engagements/${seeded.engagementId}`;
    const page = (await h.request(victim.tokens.admin, 'GET', `${base}/assessments?pageSize=1`)).json() as {
      items: { id: string; requirementUrn: string }[];
    };
    urn = page.items[0]?.requirementUrn ?? '';
    const { payload, headers } = multipartFile('victim secret');
    const evidence = await h.workspace.app.inject({
      method: 'POST',
      url: `/api/organisations/${victim.id}/evidence`,
      headers: { ...headers, authorization: `Bearer ${victim.tokens.admin}` },
      payload,
    });
    const invitation = await h.request(
      victim.tokens.admin,
      'POST',
      `/api/organisations/${victim.id}/invitations`,
      {
        email: 'future@victim.test',
        role: 'auditor',
      },
    );
    Object.assign(ids, {
      invitationId: (invitation.json() as { id: string }).id,
      entityId: seeded.entityId,
      engagementId: seeded.engagementId,
      assessmentId: page.items[0]?.id ?? '',
      evidenceId: evidence.json<{ id: string }>().id,
      userId: victim.userIds.auditor,
    });
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);

  const tenantRoutes = allRoutes().filter((r) => r.url.includes(':organisationId'));

  test('covers every organisation route', () => {
    expect(tenantRoutes.length).toBeGreaterThanOrEqual(20);
  });

  test('answers 403 or 404 to every role of another organisation, on every route, and changes nothing', async () => {
    const logBefore = await h.request(
      victim.tokens.admin,
      'GET',
      `/api/organisations/${victim.id}/audit-log?pageSize=1`,
    );
    const failures: string[] = [];
    for (const spec of tenantRoutes)
      for (const role of ROLES)
        // The victim's organisation path (always 404), and the attacker's own path carrying the victim's ids.
        for (const organisationId of [victim.id, ...(carriesVictimId(spec) ? [attacker.id] : [])]) {
          const { url, response } = await callRoute(h, spec, organisationId, ids, urn, attacker.tokens[role]);
          const status = response.statusCode;
          const acceptable = organisationId === victim.id ? [404] : [403, 404];
          if (!acceptable.includes(status))
            failures.push(`${role} ${spec.method} ${url} → ${status} ${response.body.slice(0, 120)}`);
          for (const secret of ['victim secret', '"victim"', '@victim.test'])
            expect(response.body).not.toContain(secret);
        }
    expect(failures).toEqual([]);
    const logAfter = await h.request(
      victim.tokens.admin,
      'GET',
      `/api/organisations/${victim.id}/audit-log?pageSize=1`,
    );
    expect((logAfter.json() as { total: number }).total).toBe((logBefore.json() as { total: number }).total);
  });

  test('lists only the organisations the caller belongs to', async () => {
    const list = (await h.request(attacker.tokens.admin, 'GET', '/api/organisations')).json() as {
      id: string;
    }[];
    expect(list.map((o) => o.id)).toEqual([attacker.id]);
  });
});
