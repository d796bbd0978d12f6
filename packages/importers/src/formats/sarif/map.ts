import type { FindingInput } from '../../build.ts';
import { parseCwe } from '../../build.ts';
import { inferCategories, redactSecret } from '../../categories.ts';
import type { AuditType, FindingLocation, FindingStatus, Severity } from '../../finding.ts';
import { lookup, severityFromScore, severityFromWord } from '../../severity.ts';
import { arr, isRecord, num, rec, str, strList } from '../../util/json.ts';
import type { JsonRecord } from '../../util/json.ts';
import { findRule, messageText } from './tool.ts';
import type { SarifTool } from './tool.ts';

const LEVEL_SEVERITY: Readonly<Record<string, Severity>> = {
  error: 'high',
  warning: 'medium',
  note: 'low',
  none: 'info',
};
const SKIPPED_KINDS = new Set(['pass', 'notApplicable']);
const CVE_RE = /CVE-\d{4}-\d{4,}/gi;

/** What a rule contributes to every result that uses it, computed once per rule (300,000 results, ~100 rules). */
interface RuleInfo {
  readonly title?: string;
  readonly fullDescription?: string;
  readonly level?: string;
  readonly securitySeverity: unknown;
  readonly tags: readonly string[];
  readonly cwe: readonly number[];
  readonly cve: readonly string[];
  readonly references: readonly string[];
}

export interface RunContext {
  readonly tool: SarifTool;
  readonly artifacts: readonly unknown[];
  readonly asset: string;
  readonly rules: Map<JsonRecord, RuleInfo>;
  readonly categories: Map<string, readonly string[]>;
  /** Interned file paths and rule ids: a large log repeats them thousands of times. */
  readonly strings: Map<string, string>;
}

function intern(ctx: RunContext, value: string): string {
  const known = ctx.strings.get(value);
  if (known !== undefined) return known;
  if (ctx.strings.size < 200_000) ctx.strings.set(value, value);
  return value;
}

const NO_RULE: RuleInfo = { securitySeverity: undefined, tags: [], cwe: [], cve: [], references: [] };

function ruleInfo(rule: JsonRecord | undefined, ctx: RunContext): RuleInfo {
  if (rule === undefined) return NO_RULE;
  const cached = ctx.rules.get(rule);
  if (cached !== undefined) return cached;
  const props = rec(rule.properties);
  const tags = strList(props.tags);
  const cweTexts = [...tags, ...strList(props.cwe), ...strList(rule.relationships)];
  const title = str(rec(rule.shortDescription).text) ?? str(rule.name);
  const fullDescription = str(rec(rule.fullDescription).text);
  const level = str(rec(rule.defaultConfiguration).level);
  const info: RuleInfo = {
    ...(title === undefined ? {} : { title }),
    ...(fullDescription === undefined ? {} : { fullDescription }),
    ...(level === undefined ? {} : { level }),
    securitySeverity: props['security-severity'],
    tags,
    cwe: parseCwe(cweTexts.flatMap((t) => [...t.matchAll(/cwe[-/_:]?\s*0*(\d+)/gi)].map((m) => m[1] ?? ''))),
    cve: tags.flatMap((t) => t.match(CVE_RE) ?? []),
    references: [str(rule.helpUri), ...strList(props.references)].filter((x): x is string => x !== undefined),
  };
  ctx.rules.set(rule, info);
  return info;
}

function severityOf(props: JsonRecord, info: RuleInfo, level: string): [Severity, string] {
  const sec = props['security-severity'] ?? info.securitySeverity;
  const score = num(sec);
  if (score !== undefined) return [severityFromScore(score), String(sec)];
  const word = str(sec) ?? str(props.issue_severity) ?? str(props.severity);
  if (word !== undefined) return [severityFromWord(word, lookup(LEVEL_SEVERITY, level) ?? 'medium'), word];
  return [lookup(LEVEL_SEVERITY, level) ?? 'medium', level];
}

function locationOf(
  physical: JsonRecord,
  first: JsonRecord,
  props: JsonRecord,
  ctx: RunContext,
): FindingLocation {
  const artifact = rec(physical.artifactLocation);
  const index = num(artifact.index);
  const uri =
    str(artifact.uri) ??
    (index === undefined ? undefined : str(rec(rec(ctx.artifacts[index]).location).uri)) ??
    str(rec(arr(first.logicalLocations)[0]).fullyQualifiedName);
  if (uri === undefined) return { kind: 'none' };
  const region = rec(physical.region);
  const line = num(region.startLine);
  const column = num(region.startColumn);
  const endLine = num(region.endLine);
  const commit = str(props.commit);
  const loc: {
    kind: 'file';
    file: string;
    line?: number;
    column?: number;
    endLine?: number;
    commit?: string;
  } = {
    kind: 'file',
    file: intern(ctx, uri),
  };
  if (line !== undefined) loc.line = line;
  if (column !== undefined) loc.column = column;
  if (endLine !== undefined && endLine !== line) loc.endLine = endLine;
  if (commit !== undefined) loc.commit = commit;
  return loc;
}

function statusOf(result: JsonRecord): [FindingStatus, string | undefined] {
  if (result.suppressions !== undefined) {
    const active = arr(result.suppressions)
      .filter(isRecord)
      .filter((s) => str(s.status) !== 'rejected');
    if (active.length > 0) {
      const why = active.map((s) => str(s.justification) ?? str(s.kind) ?? '').join('; ');
      return [
        /false.?positive/i.test(why) ? 'false-positive' : 'accepted',
        `suppressed (${why || 'no justification'})`,
      ];
    }
  }
  if (result.baselineState === 'absent') return ['fixed', 'baselineState absent'];
  return ['open', undefined];
}

/** Image and infrastructure scanners audit configuration; every other SARIF producer reviews code. */
export function auditTypeOf(toolName: string): AuditType {
  return /dockle|checkov|tfsec|kics|terrascan|hadolint|prowler|kube/i.test(toolName)
    ? 'configuration'
    : 'code-review';
}

/** One SARIF result as a finding input; undefined for `pass`/`notApplicable` results. */
export function mapResult(result: JsonRecord, ctx: RunContext): FindingInput | undefined {
  const kind = result.kind;
  if (typeof kind === 'string' && SKIPPED_KINDS.has(kind)) return undefined;
  const rule = findRule(ctx.tool, result);
  const info = ruleInfo(rule, ctx);
  const text = messageText(result, rule);
  const props = rec(result.properties);
  const ruleId = intern(
    ctx,
    str(result.ruleId) ?? str(rec(result.rule).id) ?? str(rule?.id) ?? text ?? 'unknown',
  );
  const level = str(result.level) ?? info.level ?? 'warning';
  const [severity, rawSeverity] = severityOf(props, info, level);
  const title = info.title ?? text?.split('\n', 1)[0]?.slice(0, 200) ?? ruleId;
  const first = rec(arr(result.locations)[0]);
  const physical = rec(first.physicalLocation);
  const offender = str(props.offender);
  const snippet =
    str(rec(rec(physical.region).snippet).text) ?? str(rec(rec(physical.contextRegion).snippet).text);
  const isSecret = offender !== undefined || /gitleaks|trufflehog|secret/i.test(ctx.tool.name);
  const cve =
    ruleId.includes('CVE-') || ruleId.includes('cve-')
      ? [...(ruleId.match(CVE_RE) ?? []), ...info.cve]
      : info.cve;
  const [status, statusReason] = statusOf(result);
  const isDependency =
    cve.length > 0 || /grype|dependency-check|govulncheck|snyk|osv|trivy/i.test(ctx.tool.name);
  const categoryKey = `${isSecret ? 1 : 0}${isDependency ? 1 : 0}\u0000${ruleId}\u0000${title}`;
  let categories = ctx.categories.get(categoryKey);
  if (categories === undefined) {
    categories = inferCategories(
      [...(isSecret ? ['secret'] : []), ...(isDependency ? ['vulnerable-dependency'] : [])],
      ruleId,
      title,
      info.tags.join(' '),
    );
    ctx.categories.set(categoryKey, categories);
  }
  const description =
    info.fullDescription === undefined || info.fullDescription === title
      ? (text ?? '')
      : text === undefined
        ? info.fullDescription
        : `${text}\n\n${info.fullDescription}`;
  return {
    ruleId,
    title,
    description,
    severity,
    rawSeverity,
    cwe: info.cwe,
    cve,
    location: locationOf(physical, first, props, ctx),
    asset: ctx.asset,
    evidence: isSecret ? redactSecret(offender ?? snippet) : snippet,
    categories,
    status,
    ...(statusReason === undefined ? {} : { statusReason }),
    auditType: auditTypeOf(ctx.tool.name),
    references: info.references,
  };
}
