/** A failed API call: the HTTP status and the server's stable error code, message and (on 409) current state. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly current: unknown;
  constructor(status: number, code: string, message: string, current?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.current = current;
  }
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called whenever the server answers 401 outside sign-in: the session expired or was ended elsewhere. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

async function errorOf(response: Response): Promise<ApiError> {
  let code = `http.${response.status}`;
  let message = response.statusText || `HTTP ${response.status}`;
  let current: unknown;
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; current?: unknown };
    };
    if (body.error !== undefined) {
      code = body.error.code ?? code;
      message = body.error.message ?? message;
      current = body.error.current;
    }
  } catch {
    // Not JSON (a proxy error page): keep the status text.
  }
  return new ApiError(response.status, code, message, current);
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** Do not broadcast a 401 (sign-in itself answers 401 for wrong credentials). */
  readonly quiet401?: boolean;
}

/** Calls the JSON API with the session cookie; throws ApiError on any non-2xx answer. */
// Every request proves it is ours: the server refuses cookie-authenticated writes without it (CSRF).
const CSRF = { 'x-mica-csrf': '1' } as const;

export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...CSRF },
  };
  if (options.signal !== undefined) init.signal = options.signal;
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { accept: 'application/json', 'content-type': 'application/json', ...CSRF };
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    const error = await errorOf(response);
    if (error.status === 401 && options.quiet401 !== true) for (const l of unauthenticatedListeners) l();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Uploads one file as multipart field `file`; query parameters carry the metadata. */
export async function upload<T>(path: string, file: Blob, fileName: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, fileName);
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    body: form,
    headers: CSRF,
  });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

/** `?a=1&b=2` from the defined values, or an empty string. */
export function query(params: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
