import { DomainError } from '@mica-audit/core';

export interface StaleVersionOptions {
  /** What to do next, after the colon; each resource keeps the words its clients already show. */
  readonly advice?: string;
  /** Where the stale version came from in the request (`changes[3].version`), prefixed to the message. */
  readonly path?: string;
}

/**
 * Optimistic concurrency: throws `<what>.version_conflict` (409) unless `row` is still at the version the client
 * edited. The error carries `view(row)` as `current` (http/errors.ts answers it as `error.current`), so the client
 * can show what changed and reapply its edit; the view is only built when there is a conflict.
 */
export function checkVersion<R extends { readonly id: string; readonly version: number }>(
  what: string,
  row: R,
  edited: number,
  view: (row: R) => unknown,
  options: StaleVersionOptions = {},
): void {
  if (row.version === edited) return;
  const advice = options.advice ?? 'reload it, reapply your change and save again';
  const message = `${what} ${row.id} was changed by someone else (version ${row.version}, you edited ${edited}): ${advice}`;
  throw new DomainError(
    `${what}.version_conflict`,
    options.path === undefined ? message : `${options.path}: ${message}`,
    { kind: 'conflict', path: options.path, details: { current: view(row) } },
  );
}
