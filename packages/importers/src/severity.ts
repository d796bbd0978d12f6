import type { Cvss, CvssVersion, Severity } from './finding.ts';

const WORDS: Readonly<Record<string, Severity>> = {
  critical: 'critical',
  crit: 'critical',
  high: 'high',
  error: 'high',
  severe: 'high',
  important: 'high',
  medium: 'medium',
  moderate: 'medium',
  warning: 'medium',
  warn: 'medium',
  low: 'low',
  minor: 'low',
  note: 'low',
  info: 'info',
  informational: 'info',
  information: 'info',
  none: 'info',
  negligible: 'info',
  unknown: 'info',
  log: 'info',
  ok: 'info',
};

/**
 * `table[key]` when the table itself has that key: a word from the input such as `constructor` or `__proto__` must
 * not reach Object.prototype.
 */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Maps a tool's severity word to ours; unknown words give `fallback`. */
export function severityFromWord(word: string | undefined | null, fallback: Severity = 'info'): Severity {
  if (word === undefined || word === null) return fallback;
  return lookup(WORDS, word.trim().toLowerCase()) ?? fallback;
}

/** CVSS v3/v4 qualitative scale (v2 scores use the same bands, which is the usual practice). */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/** Reads the version from a vector such as `CVSS:3.1/AV:N/…`; bare vectors are v2. */
export function cvssVersionOf(vector: string | undefined, fallback: CvssVersion = '3.1'): CvssVersion {
  if (vector === undefined) return fallback;
  const m = /^CVSS:(\d\.\d)\//.exec(vector.trim());
  if (m?.[1] === '3.0' || m?.[1] === '3.1' || m?.[1] === '4.0') return m[1];
  if (/^\(?AV:[LAN]\/AC:/.test(vector.trim())) return '2.0';
  return fallback;
}

/** Picks the score to show first: newest version wins, then the highest score. */
export function primaryCvss(all: readonly Cvss[]): Cvss | undefined {
  const rank: Readonly<Record<CvssVersion, number>> = { '4.0': 4, '3.1': 3, '3.0': 2, '2.0': 1 };
  return [...all].sort((a, b) => rank[b.version] - rank[a.version] || (b.score ?? 0) - (a.score ?? 0))[0];
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  info: 0,
};
