import { useEffect, useState } from 'react';
import { api, query } from '../api/client.ts';
import type { Engagement, Page } from '../api/types.ts';

export interface Asset {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly criticality: string;
}
export interface Finding {
  readonly id: string;
  readonly assetId: string | null;
  readonly title: string;
  readonly severity: string;
  readonly cvss: number | null;
  readonly source: string;
  readonly status: string;
}
export interface Risk {
  readonly id: string;
  readonly title: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly treatment: string;
}
export interface PlanAction {
  readonly id: string;
  readonly title: string;
  readonly priority: string;
  readonly status: string;
  readonly dueDate: string | null;
}
export interface Incident {
  readonly id: string;
  readonly title: string;
  readonly occurredAt: string;
  readonly status: string;
  readonly classification: Readonly<Record<string, unknown>>;
}

export type RegisterName = 'assets' | 'findings' | 'risks' | 'actions' | 'incidents';

type State<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'ok'; readonly engagement: Engagement; readonly items: readonly T[] };

/** The engagement and every row of one of its registers (read-only on the server for now), all pages. */
export function useRegister<T>(
  organisationId: string,
  engagementId: string,
  register: RegisterName,
): State<T> {
  const [state, setState] = useState<State<T>>({ kind: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const base = `/api/organisations/${organisationId}/engagements/${engagementId}`;
    async function load(): Promise<void> {
      const engagement = await api<Engagement>('GET', base, { signal });
      const items: T[] = [];
      for (let page = 1; ; page += 1) {
        const answer = await api<Page<T>>('GET', `${base}/${register}${query({ page, pageSize: 500 })}`, {
          signal,
        });
        items.push(...answer.items);
        if (items.length >= answer.total || answer.items.length === 0) break;
      }
      setState({ kind: 'ok', engagement, items });
    }
    load().catch((error: unknown) => {
      if (!signal.aborted)
        setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    return () => controller.abort();
  }, [organisationId, engagementId, register]);
  return state;
}
