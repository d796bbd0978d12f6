import { useCallback, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import { useLoad } from '../shell/async.tsx';
import type { PlanView } from './types.ts';

/** One change to the plan: the route under `…/action-plan` and its body without the version. */
export interface PlanChange {
  readonly method: 'PATCH' | 'POST';
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
  /** What the change does, in words, for the conflict dialog. */
  readonly describe: string;
}

export interface PlanConflict {
  readonly change: PlanChange;
  readonly current: PlanView;
}

/**
 * The engagement's action plan and the writes on it. Every write carries the plan's version; a 409 keeps the change
 * aside with the plan as it now is, so the person can keep theirs or apply the change again on top of it.
 */
export function usePlan(base: string) {
  const [plan, reload, setPlan] = useLoad(
    (signal) => api<PlanView>('GET', `${base}/action-plan`, { signal }),
    [base],
  );
  const [conflict, setConflict] = useState<PlanConflict>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const send = useCallback(
    async (change: PlanChange, version: number): Promise<boolean> => {
      setBusy(true);
      setError(undefined);
      try {
        const next = await api<PlanView>(change.method, `${base}/action-plan${change.path}`, {
          body: { ...change.body, version },
        });
        setPlan({ kind: 'ok', value: next });
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409)
          setConflict({ change, current: e.current as PlanView });
        else setError(e instanceof Error ? e.message : String(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [base, setPlan],
  );

  const generate = useCallback(async () => {
    setBusy(true);
    setError(undefined);
    try {
      setPlan({
        kind: 'ok',
        value: await api<PlanView>('POST', `${base}/action-plan/generate`, { body: {} }),
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }, [base, setPlan]);

  const resolve = useCallback(
    (choice: 'theirs' | 'mine') => {
      if (conflict === undefined) return;
      setConflict(undefined);
      setPlan({ kind: 'ok', value: conflict.current });
      if (choice === 'mine') void send(conflict.change, conflict.current.version);
    },
    [conflict, send, setPlan],
  );

  return { plan, reload, send, generate, conflict, resolve, error, setError, busy };
}

/** The route of one item (ids may hold `/` or `:`, e.g. after a split). */
export const itemPath = (id: string) => `/items/${encodeURIComponent(id)}`;
