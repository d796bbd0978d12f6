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

/** A fingerprint's table slot: its first eight hex digits (SHA-256 spreads them evenly), else FNV-1a over it. */
function hashOf(text: string): number {
  const head = text.length === 64 ? Number.parseInt(text.slice(0, 8), 16) : Number.NaN;
  if (!Number.isNaN(head)) return head;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Within one file, duplicates (same fingerprint) merge into one finding; order of first appearance is kept.
 * The index is an open-addressing table of positions (4 bytes a slot) rather than a Map of 300,000 strings (about
 * 50 bytes an entry, plus a copy while it grows): it runs when every parsed finding is in memory, at the peak.
 */
export function dedupe(findings: readonly Finding[]): Finding[] {
  let size = 16;
  while (size < findings.length * 2) size *= 2;
  const mask = size - 1;
  // 0 = free, else position in `out` + 1.
  const slots = new Int32Array(size);
  const out: Finding[] = [];
  for (const f of findings) {
    for (let slot = hashOf(f.fingerprint) & mask; ; slot = (slot + 1) & mask) {
      const at = slots[slot] ?? 0;
      if (at === 0) {
        slots[slot] = out.push(f);
        break;
      }
      const prev = out[at - 1] as Finding;
      if (prev.fingerprint === f.fingerprint) {
        out[at - 1] = mergePair(prev, f);
        break;
      }
    }
  }
  return out;
}
