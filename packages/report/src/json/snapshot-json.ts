/** The JSON export of a whole engagement snapshot, and the import that reads it back identically. */
import { DomainError } from '@mica-audit/core';
import { parseSnapshot, type EngagementSnapshot } from '../snapshot.schema.ts';

/** Serialises a validated snapshot: two-space indented, newline-terminated, keys in schema order. */
export function exportSnapshotJson(snapshot: EngagementSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

/** Reads an exported snapshot back; throws `report.invalid_json` or `report.invalid_snapshot` naming the problem. */
export function importSnapshotJson(text: string): EngagementSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new DomainError(
      'report.invalid_json',
      `the snapshot file is not valid JSON (${(cause as Error).message}); export it again with mica-audit`,
      { cause },
    );
  }
  return parseSnapshot(value);
}
