import { DomainError } from '@mica-audit/core';

/** Stable codes of the import pipeline; the server and the CLI map them, never the importers. */
export type ImportErrorCode =
  | 'import.malformed'
  | 'import.unknown_format'
  | 'import.too_large'
  | 'import.xml_entities'
  | 'import.empty'
  | 'import.unsupported'
  | 'import.mapping_invalid';

/** Builds the one error type every importer throws: code, a message with the next step, and where it happened. */
export function importError(
  code: ImportErrorCode,
  message: string,
  options: { path?: string; cause?: unknown; details?: unknown } = {},
): DomainError {
  return new DomainError(code, message, { kind: 'invalid', ...options });
}

/** A malformed input, located at `where` (a `line N`, a JSON path or a byte offset). */
export function malformed(format: string, where: string, reason: string, cause?: unknown): DomainError {
  return importError(
    'import.malformed',
    `${format}: malformed input at ${where}: ${reason}. Re-export the file from the tool and import it again.`,
    { path: where, cause },
  );
}
