import { ApiError } from '../api/client.ts';

export interface Sent {
  readonly status: number;
  readonly body: unknown;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Posts files as multipart parts, reporting the upload's progress (0–1). XMLHttpRequest rather than fetch: fetch
 * reports nothing while a large scan is uploading. Rejects with ApiError on a non-2xx answer, as `api()` does.
 */
export function sendFiles(
  url: string,
  files: readonly { readonly name: string; readonly file: Blob }[],
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Sent> {
  const form = new FormData();
  for (const { name, file } of files) form.append('file', file, name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('accept', 'application/json');
    // The server refuses cookie-authenticated writes without it (CSRF), as for every `api()` call.
    request.setRequestHeader('x-mica-csrf', '1');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = parse(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        resolve({ status: request.status, body });
        return;
      }
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      reject(
        new ApiError(
          request.status,
          error?.code ?? `http.${request.status}`,
          error?.message ?? (request.statusText || `HTTP ${request.status}`),
        ),
      );
    };
    request.onerror = () =>
      reject(new Error('the upload was interrupted: check the connection and try again'));
    request.onabort = () => reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}
