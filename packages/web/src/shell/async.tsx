import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export type Loaded<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'ok'; readonly value: T };

/** Runs `load` on mount and whenever `deps` change; `reload` runs it again. Stale answers are dropped. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  // The caller lists the dependencies of `load`, as with useEffect.
  const stable = useCallback(load, deps);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => (s.kind === 'ok' ? s : { kind: 'loading' }));
    stable(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setState({ kind: 'ok', value });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [stable, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [state, reload, setState] as const;
}

/**
 * The signal of work an event starts (an upload, a job to follow): aborted when the component unmounts, so leaving
 * the page stops it. Call the returned function when the work starts.
 */
export function useUnmountSignal(): () => AbortSignal {
  const controller = useRef(new AbortController());
  useEffect(() => {
    const current = new AbortController();
    controller.current = current;
    return () => current.abort();
  }, []);
  return useCallback(() => controller.current.signal, []);
}

/** The loading and error states every page shares. */
export function Status({
  state,
  onRetry,
}: {
  readonly state: Loaded<unknown>;
  readonly onRetry?: () => void;
}) {
  const { t } = useI18n();
  if (state.kind === 'loading')
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  if (state.kind === 'error')
    return (
      <div role="alert" className="error">
        <p>{t('app.error', { message: state.message })}</p>
        {onRetry !== undefined && (
          <button type="button" onClick={onRetry}>
            {t('app.retry')}
          </button>
        )}
      </div>
    );
  return null;
}
