/**
 * The short references under which findings, risks, evidence and incidents appear in the deliverables. A workspace
 * identifies its records by UUID, which wraps over three lines in a table cell and means nothing to a reader, so
 * records whose ids are not short are numbered (`F-001`, `R-01`, `EV-01`, `INC-01`) in snapshot order, which is the
 * order the workspace created them in. Short ids (the demo's `F-038`, an import's own references) are kept as they
 * are. The workbook and the OSCAL documents keep the full id beside or instead of the reference.
 */
import type { EngagementSnapshot } from '../snapshot.schema.ts';

/** An id a reader can take in at a glance: at most 12 characters and not a UUID. */
const SHORT = /^(?![0-9a-f]{8}-[0-9a-f]{4}-)[^\s]{1,12}$/i;

export interface Refs {
  readonly findings: ReadonlyMap<string, string>;
  readonly risks: ReadonlyMap<string, string>;
  readonly evidence: ReadonlyMap<string, string>;
  readonly incidents: ReadonlyMap<string, string>;
}

/** Keeps the ids when all are short, else numbers them `<prefix>-<n>`, padded to `pad` digits at least. */
export function shortRefs(ids: readonly string[], prefix: string, pad: number): Map<string, string> {
  if (ids.every((id) => SHORT.test(id))) return new Map(ids.map((id) => [id, id]));
  const width = Math.max(pad, String(ids.length).length);
  return new Map(ids.map((id, i) => [id, `${prefix}-${String(i + 1).padStart(width, '0')}`]));
}

/** The references of every record of the snapshot. */
export function snapshotRefs(snapshot: EngagementSnapshot): Refs {
  const risks = snapshot.risks.register.risks.map((r) => r.id);
  const incidents = snapshot.incidents.map((i) => i.id);
  return {
    findings: shortRefs(
      snapshot.findings.map((f) => f.id),
      'F',
      3,
    ),
    risks: shortRefs(risks, 'R', 2),
    evidence: shortRefs(
      snapshot.evidence.map((e) => e.id),
      'EV',
      2,
    ),
    incidents: shortRefs(incidents, 'INC', 2),
  };
}

/** The reference of `id` in `refs`, or the id itself when it is not a known record. */
export function refOf(refs: ReadonlyMap<string, string>, id: string): string {
  return refs.get(id) ?? id;
}
