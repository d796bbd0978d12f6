import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthenticated } from '../api/client.ts';
import type { Me } from '../api/types.ts';

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'signed-in'; readonly me: Me }
  | { readonly kind: 'error'; readonly message: string };

interface Session {
  readonly state: State;
  readonly refresh: () => Promise<void>;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Who is signed in (`GET /api/me`); any 401 from the API flips the app back to the sign-in page. */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const me = await api<Me>('GET', '/api/me', { quiet401: true });
      setState({ kind: 'signed-in', me });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ kind: 'signed-out' });
      else setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);
  const signOut = useCallback(async () => {
    try {
      await api('POST', '/api/auth/sign-out', { quiet401: true });
    } finally {
      setState({ kind: 'signed-out' });
    }
  }, []);
  useEffect(() => {
    void refresh();
    return onUnauthenticated(() => setState({ kind: 'signed-out' }));
  }, [refresh]);
  const value = useMemo(() => ({ state, refresh, signOut }), [state, refresh, signOut]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (value === undefined) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only call below the signed-in branch of the app. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.kind !== 'signed-in') throw new Error('useMe while not signed in');
  return state.me;
}
