import { useSearchParams } from 'react-router';

export type ParamChanges = Readonly<Record<string, string | undefined>>;

/** A copy of `params` with each named parameter set to its value, or removed where the value is undefined. */
export function withParams(params: URLSearchParams, changes: ParamChanges): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes))
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  return next;
}

/** The address's query parameters, and a setter that changes the ones it names and keeps the others. */
export function useQueryParams(): readonly [URLSearchParams, (changes: ParamChanges) => void] {
  const [params, setParams] = useSearchParams();
  return [params, (changes) => setParams(withParams(params, changes))];
}
