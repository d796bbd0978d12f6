import { malformed } from '../errors.ts';

/** One JSON value per non-blank line; an error names its line. */
export function parseJsonLines(text: string, format: string): unknown[] {
  const out: unknown[] = [];
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = (lines[k] ?? '').replace(/\r$/, '');
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as unknown);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw malformed(format, `line ${k + 1}`, reason, cause);
    }
  }
  return out;
}
