import type { Harness } from './harness.ts';

/** A minimal cookie jar over `inject`, like a browser: cookies set by one response go with the next request. */
export function browser(h: Harness) {
  const jar = new Map<string, string>();
  return async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
    const response = await h.workspace.app.inject({
      method,
      url,
      cookies: Object.fromEntries(jar),
      ...(payload ? { payload } : {}),
    });
    for (const cookie of response.cookies)
      if (cookie.maxAge === 0 || cookie.value === '') jar.delete(cookie.name);
      else jar.set(cookie.name, cookie.value);
    return response;
  };
}
