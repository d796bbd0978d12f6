import { api, query } from '../api/client.ts';
import type { Page } from '../api/types.ts';

/** `/api/organisations/:org/engagements/:eng`, the prefix of every register route. */
export function engagementPath(organisationId: string, engagementId: string): string {
  return `/api/organisations/${organisationId}/engagements/${engagementId}`;
}

/** Every row of a paginated listing (500 per request, the server's maximum), in the server's order. */
export async function loadAll<T>(
  path: string,
  signal: AbortSignal,
  params: Readonly<Record<string, string | number | undefined>> = {},
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await api<Page<T>>('GET', `${path}${query({ ...params, page, pageSize: 500 })}`, {
      signal,
    });
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) return items;
  }
}
