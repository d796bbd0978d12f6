/** Request bodies for calling every route in the isolation tests (tenant-isolation, team-isolation). */
import { PROFILE, type Harness } from '../test/harness.ts';
import { multipartFile } from '../test/multipart.ts';
import type { AnyRoute } from './route.ts';

// Valid bodies, so that validation never answers before authorization does.
export function bodyFor(method: string, url: string, ids: Record<string, string>, urn: string): unknown {
  if (method === 'GET' || method === 'DELETE') return undefined;
  if (url.endsWith('/members')) return { email: 'intruder@evil.test', name: 'Intruder', role: 'admin' };
  if (url.endsWith('/members/:userId')) return { role: 'admin' };
  if (url.endsWith('/invitations')) return { email: 'intruder@evil.test', role: 'admin' };
  if (url.endsWith('/entities') || url.endsWith('/profile')) return { profile: PROFILE };
  if (url.endsWith('/scoping/preview')) return { profile: PROFILE, lang: 'en' };
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
  if (url.endsWith('/rescope')) return { version: 1 };
  // Findings and assets (routes/findings.ts, routes/assets.ts).
  if (url.endsWith('/findings/:findingId')) return { version: 1, status: 'accepted' };
  if (url.endsWith('/findings/:findingId/requirements')) return { requirementUrn: urn };
  if (url.endsWith('/assets')) return { name: 'Hostile asset', kind: 'host' };
  if (url.endsWith('/assets/:assetId')) return { version: 1, name: 'hostile' };
  return {};
}

/**
 * Calls a route with every `:param` taken from `ids` ('missing' when absent; comments target `ids.targetType`
 * and `ids.targetId`, by default the engagement), a valid body, and the query some routes require.
 */
export async function callRoute(
  h: Harness,
  spec: AnyRoute,
  organisationId: string,
  ids: Record<string, string>,
  urn: string,
  token: string,
) {
  const url = spec.url.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    name === 'organisationId'
      ? organisationId
      : name === 'targetType'
        ? (ids.targetType ?? 'engagement')
        : name === 'targetId'
          ? (ids.targetId ?? ids.engagementId ?? 'missing')
          : encodeURIComponent(ids[name] ?? 'missing'),
  );
  const query =
    (spec.url.endsWith('/links') || spec.url.endsWith('/requirements')) && spec.method === 'DELETE'
      ? `?requirementUrn=${encodeURIComponent(urn)}`
      : spec.url.endsWith('/assets/:assetId') && spec.method === 'DELETE'
        ? '?version=1'
        : '';
  const multipart = spec.multipart === true ? multipartFile('attacker content') : undefined;
  const body = multipart === undefined ? bodyFor(spec.method, spec.url, ids, urn) : undefined;
  const response = await h.workspace.app.inject({
    method: spec.method,
    url: `${url}${query}${spec.multipart === true ? `?engagementId=${ids.engagementId ?? 'missing'}` : ''}`,
    headers: { authorization: `Bearer ${token}`, ...(multipart?.headers ?? {}) },
    ...(multipart !== undefined
      ? { payload: multipart.payload }
      : body === undefined
        ? {}
        : { payload: body as object }),
  });
  return { url, response };
}
