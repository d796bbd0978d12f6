import type { z } from 'zod';

/** Renders a zod issue path the way people write it: `services[1]`, `facts.activeUsersEU`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One line per issue, `path: message`, with the valid values listed when zod knows them. */
export function formatIssue(issue: z.core.$ZodIssue): string {
  const path = formatPath(issue.path);
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}
