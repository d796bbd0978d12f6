import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@mica-audit/core';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, PROFILE, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';
import { multipartFile } from '../test/multipart.ts';
import { allRoutes } from './app.ts';

// Valid bodies, so that validation never answers before authorization does.
function bodyFor(method: string, url: string, ids: Record<string, string>, urn: string): unknown {
  if (method === 'GET' || method === 'DELETE') return undefined;
  if (url.endsWith('/members')) return { email: 'intruder@evil.test', name: 'Intruder', role: 'admin' };
  if (url.endsWith('/members/:userId')) return { role: 'admin' };
  if (url.endsWith('/invitations')) return { email: 'intruder@evil.test', role: 'admin' };
  if (url.endsWith('/entities') || url.endsWith('/profile')) return { profile: PROFILE };
  if (url.endsWith('/engagements')) return { entityId: ids.entityId, name: 'Hostile engagement' };
  if (url.endsWith('/assessments/:assessmentId')) return { version: 1, status: 'compliant' };
  if (url.endsWith('/engagements/:engagementId')) return { version: 1, phase: 'closed' };
  if (url.endsWith('/assessments'))
    return { changes: [{ id: ids.assessmentId, version: 1, status: 'compliant' }] };
  if (url.endsWith('/links')) return { requirementUrn: urn };
  if (url.endsWith('/:targetId')) return { body: 'hostile comment' };
  // Risk, incident and action-plan registers (routes/risks.ts, incidents.ts, actions.ts).
  if (url.endsWith('/risks'))
    return {
      title: 'Hostile risk',
      assetIds: ['a'],
      threat: 't',
      likelihood: 1,
      impact: 1,
      treatment: 'reduce',
      ownerId: null,
      nextReviewAt: '2030-01-01',
    };
  if (url.endsWith('/incidents'))
    return {
      title: 'Hostile incident',
      occurredAt: '2026-01-01T00:00:00Z',
      awareAt: '2026-01-01T00:00:00Z',
      impact: { criticalServicesAffected: false },
    };
  if (
    url.endsWith('/risks/:riskId') ||
    url.endsWith('/incidents/:incidentId') ||
    url.endsWith('/items/:itemId')
  )
    return { version: 1, title: 'hostile' };
  if (url.endsWith('/risks/matrix')) return { matrix: null, appetite: 12 };
  if (url.endsWith('/action-plan/merge')) return { version: 1, ids: ['a', 'b'] };
  if (url.endsWith('/action-plan/split'))
    return { version: 1, id: 'a', parts: [{ sources: ['gap:a'] }, { sources: ['gap:b'] }] };
  if (url.endsWith('/reports')) return { formats: ['json'], lang: 'en' };
  // Findings and assets (routes/findings.ts, routes/assets.ts).
  if (url.endsWith('/findings/:findingId')) return { version: 1, status: 'accepted' };
  if (url.endsWith('/findings/:findingId/requirements')) return { requirementUrn: urn };
  if (url.endsWith('/assets')) return { name: 'Hostile asset', kind: 'host' };
  if (url.endsWith('/assets/:assetId')) return { version: 1, name: 'hostile' };
  return {};
}

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
          const url = spec.url.replace(/:([A-Za-z]+)/g, (_, name: string) =>
            name === 'organisationId'
              ? organisationId
              : name === 'targetType'
                ? 'engagement'
                : name === 'targetId'
                  ? (ids.engagementId ?? 'missing')
                  : (ids[name] ?? 'missing'),
          );
          const token = attacker.tokens[role];
          const query =
            (spec.url.endsWith('/links') || spec.url.endsWith('/requirements')) && spec.method === 'DELETE'
              ? `?requirementUrn=${encodeURIComponent(urn)}`
              : spec.url.endsWith('/assets/:assetId') && spec.method === 'DELETE'
                ? '?version=1'
                : '';
          const multipart = spec.multipart === true ? multipartFile('attacker content') : undefined;
          const response = await h.workspace.app.inject({
            method: spec.method,
            url: `${url}${query}${spec.multipart === true ? `?engagementId=${ids.engagementId}` : ''}`,
            headers: { authorization: `Bearer ${token}`, ...(multipart?.headers ?? {}) },
            ...(multipart !== undefined
              ? { payload: multipart.payload }
              : (() => {
                  const body = bodyFor(spec.method, spec.url, ids, urn);
                  return body === undefined ? {} : { payload: body as object };
                })()),
          });
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
