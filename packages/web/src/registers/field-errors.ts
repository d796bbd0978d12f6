/** A server 400 split into the field it names and what is wrong with it. */
export interface FieldError {
  /** The path as the server wrote it: `acceptance.by`, `vulnerabilities[0].findingIds[1]`. */
  readonly path: string;
  readonly message: string;
}

// The server writes every invalid-input message as `path: problem` (zod issues and domain errors alike).
const PATH_PREFIX = /^([A-Za-z][\w-]*(?:\[\d+\]|\.[A-Za-z][\w-]*)*): (.+)$/s;

/** The path and text of a `path: problem` message; undefined when the message names no path. */
export function parseFieldError(message: string): FieldError | undefined {
  const match = PATH_PREFIX.exec(message);
  if (match === null) return undefined;
  return { path: match[1] ?? '', message: match[2] ?? '' };
}

/**
 * The form field an error belongs to: the longest of `fields` that is the error's path or a parent of it, so
 * `vulnerabilities[0].findingIds[1]` lands on `vulnerabilities[0].findingIds` and `acceptance` on `acceptance`.
 * Undefined when no field matches: the form then shows the message at its top.
 */
export function fieldOf(error: FieldError, fields: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const field of fields) {
    const matches =
      error.path === field || error.path.startsWith(`${field}.`) || error.path.startsWith(`${field}[`);
    if (matches && (best === undefined || field.length > best.length)) best = field;
  }
  return best;
}
