import { api } from '../api/client.ts';
import type { Scoping } from '../api/types.ts';

/**
 * The live preview runs scoping on the server, which holds the catalogue. The server advertises a profile-scoping
 * route in its OpenAPI document (a POST to a `…/scoping…` path outside any engagement); when it has none, the wizard
 * says so and the reasons appear once the engagement is opened.
 */
export type PreviewRoute = (organisationId: string) => string;

let discovered: Promise<PreviewRoute | undefined> | undefined;

/** Finds the preview route once per page load. */
export function previewRoute(): Promise<PreviewRoute | undefined> {
  discovered ??= api<{ paths?: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json').then(
    (doc) => {
      const path = Object.keys(doc.paths ?? {}).find(
        (p) => /scop/i.test(p) && !/engagement/i.test(p) && doc.paths?.[p]?.post !== undefined,
      );
      if (path === undefined) return undefined;
      return (organisationId: string) =>
        path.replace(/\{organisationId\}|:organisationId/, encodeURIComponent(organisationId));
    },
    () => undefined,
  );
  return discovered;
}

/** Scopes a profile that is not yet an engagement. */
export function previewScoping(
  route: PreviewRoute,
  organisationId: string,
  profile: unknown,
  lang: string,
  signal: AbortSignal,
): Promise<Scoping> {
  return api<Scoping>('POST', `${route(organisationId)}?lang=${lang}`, { body: { profile }, signal });
}
