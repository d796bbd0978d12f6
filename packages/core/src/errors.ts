/**
 * Every failure the domain reports carries a stable code (`area.reason`) and a message that tells the reader what
 * to do next. Only the server maps codes to HTTP statuses and only the CLI maps them to exit codes.
 */
export type ErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'internal';

export interface DomainErrorOptions {
  readonly kind?: ErrorKind;
  readonly cause?: unknown;
  /** Where the problem is: a field path (`services[1]`), a `file:line`, a JSON path. */
  readonly path?: string;
  readonly details?: unknown;
}

export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly path: string | undefined;
  readonly details: unknown;

  constructor(code: string, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.kind = options.kind ?? 'invalid';
    this.path = options.path;
    this.details = options.details;
  }
}

/** True when `value` is a DomainError (also across realms where instanceof may fail). */
export function isDomainError(value: unknown): value is DomainError {
  return (
    value instanceof DomainError ||
    (value instanceof Error && value.name === 'DomainError' && 'code' in value)
  );
}
