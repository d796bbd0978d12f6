import type {
  AuditType,
  Cvss,
  Finding,
  FindingLocation,
  FindingStatus,
  Severity,
  StatusChange,
} from './finding.ts';
import { EVIDENCE_MAX } from './finding.ts';
import { fingerprint, normaliseText } from './fingerprint.ts';
import { primaryCvss } from './severity.ts';

/** What a format parser knows about one raw result; the builder fills in the rest. */
export interface FindingInput {
  readonly ruleId: string;
  readonly title: string;
  readonly description?: string;
  readonly severity: Severity;
  readonly rawSeverity?: string | number;
  readonly cvss?: readonly Cvss[];
  readonly cwe?: readonly (number | string)[];
  readonly cve?: readonly string[];
  readonly location: FindingLocation;
  readonly asset?: string;
  readonly evidence?: string;
  readonly categories?: readonly string[];
  readonly status?: FindingStatus;
  readonly statusReason?: string;
  readonly auditType: AuditType;
  readonly references?: readonly string[];
  /** Extra identity for the fingerprint when rule + location are not enough (e.g. a Trivy target). */
  readonly discriminator?: string;
}

export interface BuildContext {
  readonly tool: string;
  readonly toolVersion?: string;
  /** ISO timestamp of the import; firstSeen = lastSeen = now for a fresh import. */
  readonly now: string;
}

/** Bounds a snippet so one finding never carries a whole HTTP response. */
export function boundEvidence(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  return text.length <= EVIDENCE_MAX ? text : `${text.slice(0, EVIDENCE_MAX - 1)}…`;
}

/** `CWE-79: Improper…`, `cwe-79`, `79` and 79 all give 79. */
export function parseCwe(values: readonly (number | string)[] | undefined): readonly number[] {
  if (values === undefined || values.length === 0) return EMPTY;
  if (isSortedUniqueNumbers(values)) return values;
  const out = new Set<number>();
  for (const v of values ?? []) {
    const n = typeof v === 'number' ? v : Number(/(?:CWE-?)?\s*(\d+)/i.exec(v)?.[1] ?? NaN);
    if (Number.isInteger(n) && n > 0) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

const CVE_RE = /^CVE-\d{4}-\d{4,}$/i;

/** One shared empty list: most findings have no CVE, no reference, no requirement yet. */
export const EMPTY: readonly never[] = Object.freeze([]);

function isSortedUniqueNumbers(values: readonly (number | string)[]): values is readonly number[] {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) return false;
    if (i > 0 && (values[i - 1] as number) >= v) return false;
  }
  return true;
}

/** Keeps only well-formed CVE ids, upper-cased and unique. */
export function parseCve(values: readonly string[] | undefined): readonly string[] {
  if (values === undefined || values.length === 0) return EMPTY;
  if (values.length === 1 && /^CVE-\d{4}-\d{4,}$/.test(values[0] ?? '')) return values;
  const out = new Set<string>();
  for (const v of values ?? []) if (CVE_RE.test(v.trim())) out.add(v.trim().toUpperCase());
  return [...out].sort();
}

/** Only http(s) references are kept, trimmed and unique. */
export function cleanReferences(values: readonly string[] | undefined): readonly string[] {
  if (values === undefined || values.length === 0) return EMPTY;
  if (values.length === 1 && /^https?:\/\/\S+$/i.test(values[0] ?? '')) return values;
  const out = new Set<string>();
  for (const v of values ?? []) {
    const t = v.trim();
    if (/^https?:\/\/\S+$/i.test(t)) out.add(t);
  }
  return [...out];
}

// Fresh findings of one import share their (immutable) one-entry history: 300,000 fewer allocations.
const HISTORIES = new WeakMap<BuildContext, Map<string, readonly StatusChange[]>>();

function historyOf(
  status: FindingStatus,
  reason: string | undefined,
  ctx: BuildContext,
): readonly StatusChange[] {
  let byKey = HISTORIES.get(ctx);
  if (byKey === undefined) HISTORIES.set(ctx, (byKey = new Map<string, readonly StatusChange[]>()));
  const key = `${status}\u0000${reason ?? ''}`;
  let history = byKey.get(key);
  if (history === undefined) {
    history = Object.freeze([
      Object.freeze(reason === undefined ? { status, at: ctx.now } : { status, at: ctx.now, reason }),
    ]);
    byKey.set(key, history);
  }
  return history;
}

/** Assembles a normalised finding and its fingerprint (hot path: 300,000 calls for a large SARIF log). */
export function newFinding(input: FindingInput, ctx: BuildContext): Finding {
  const status = input.status ?? 'open';
  const cvssAll = input.cvss ?? [];
  const ruleId = normaliseText(input.ruleId) || 'unknown';
  const evidence = boundEvidence(input.evidence);
  const history = historyOf(status, input.statusReason, ctx);
  const finding: Mutable<Finding> = {
    fingerprint: fingerprint(ctx.tool, ruleId, input.location, input.discriminator),
    tool: ctx.tool,
    ruleId,
    title: normaliseText(input.title) || ruleId,
    description: (input.description ?? '').trim(),
    severity: input.severity,
    cwe: parseCwe(input.cwe),
    cve: parseCve(input.cve),
    location: input.location,
    asset: (input.asset ?? '').trim() || 'unknown',
    categories:
      input.categories === undefined
        ? EMPTY
        : input.categories.length < 2
          ? input.categories
          : [...new Set(input.categories)],
    firstSeen: ctx.now,
    lastSeen: ctx.now,
    status,
    statusHistory: history,
    auditType: input.auditType,
    references: cleanReferences(input.references),
    requirements: EMPTY,
    occurrences: 1,
  };
  if (ctx.toolVersion !== undefined) finding.toolVersion = ctx.toolVersion;
  if (input.rawSeverity !== undefined) finding.rawSeverity = String(input.rawSeverity);
  if (cvssAll.length > 0) finding.cvss = primaryCvss(cvssAll);
  if (cvssAll.length > 1) finding.cvssAll = cvssAll;
  if (evidence !== undefined) finding.evidence = evidence;
  return finding;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
