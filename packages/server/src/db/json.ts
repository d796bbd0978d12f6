/**
 * Values for jsonb columns are passed as JSON text: node-postgres would turn a JS array into a PostgreSQL array
 * literal, and text is read the same way by both drivers.
 */
export function json(value: unknown): string {
  return JSON.stringify(value);
}
