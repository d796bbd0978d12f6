import type { Finding } from './finding.ts';
import { SEVERITY_RANK } from './severity.ts';

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

/** Merges two reports of the same issue (same fingerprint) from one file. */
export function mergePair(a: Finding, b: Finding): Finding {
  const severity = SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b.severity : a.severity;
  return {
    ...a,
    severity,
    cwe: union(a.cwe, b.cwe).sort((x, y) => x - y),
    cve: union(a.cve, b.cve).sort(),
    categories: union(a.categories, b.categories),
    references: union(a.references, b.references),
    occurrences: a.occurrences + b.occurrences,
  };
}

/** Within one file, duplicates (same fingerprint) merge into one finding; order of first appearance is kept. */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const byFingerprint = new Map<string, Finding>();
  for (const f of findings) {
    const prev = byFingerprint.get(f.fingerprint);
    byFingerprint.set(f.fingerprint, prev === undefined ? f : mergePair(prev, f));
  }
  return [...byFingerprint.values()];
}
