import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { inferCategories } from '../../categories.ts';
import type { Finding, FindingStatus } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { severityFromWord } from '../../severity.ts';
import { arr, isRecord, num, parseJson, rec, str, strList } from '../../util/json.ts';
import type { JsonRecord } from '../../util/json.ts';

// Semgrep CLI severities are ERROR/WARNING/INFO; metadata.impact (HIGH/MEDIUM/LOW) is finer when present.
const CLI_SEVERITY = { ERROR: 'high', WARNING: 'medium', INFO: 'low' } as const;

function cliResult(r: JsonRecord, ctx: BuildContext): Finding {
  const extra = rec(r.extra);
  const meta = rec(extra.metadata);
  const checkId = str(r.check_id) ?? 'unknown';
  const sev = str(extra.severity)?.toUpperCase();
  const line = num(rec(r.start).line);
  const column = num(rec(r.start).col);
  const endLine = num(rec(r.end).line);
  const severity =
    sev === 'ERROR' || sev === 'WARNING' || sev === 'INFO'
      ? CLI_SEVERITY[sev]
      : severityFromWord(sev, 'medium');
  const message = str(extra.message) ?? checkId;
  const ignored = extra.is_ignored === true;
  return newFinding(
    {
      ruleId: checkId,
      title: message.split(/(?<=\.)\s/, 1)[0]?.slice(0, 200) ?? checkId,
      description: message,
      severity,
      rawSeverity: sev ?? 'unknown',
      cwe: strList(meta.cwe),
      location: {
        kind: 'file',
        file: str(r.path) ?? 'unknown',
        ...(line === undefined ? {} : { line }),
        ...(column === undefined ? {} : { column }),
        ...(endLine === undefined || endLine === line ? {} : { endLine }),
      },
      asset: 'unknown-repository',
      evidence: str(extra.lines),
      categories: inferCategories(
        [],
        checkId,
        str(meta.category),
        strList(meta.owasp).join(' '),
        strList(meta.vulnerability_class).join(' '),
      ),
      ...(ignored ? { status: 'accepted', statusReason: 'nosemgrep' } : {}),
      auditType: 'code-review',
      references: [...strList(meta.references), str(meta.source)].filter((x): x is string => x !== undefined),
    },
    ctx,
  );
}

/** Semgrep App Supply Chain API: `{vulns, hasMore, cursor}`. */
function scaVuln(v: JsonRecord, ctx: BuildContext): Finding {
  const adv = rec(v.advisory);
  const refs = rec(adv.references);
  const dep = rec(v.matchedDependency);
  const file = rec(v.dependencyFileLocation);
  const line = num(file.startLine);
  const triage = str(rec(v.triage).status);
  const repo = str(v.repositoryName) ?? 'unknown-repository';
  const pkg = str(dep.name) ?? 'unknown';
  return newFinding(
    {
      ruleId: str(adv.ruleId) ?? 'unknown',
      title: str(v.title) ?? str(adv.title) ?? 'Vulnerable dependency',
      description: str(adv.description) ?? '',
      severity: severityFromWord(str(adv.severity), 'medium'),
      rawSeverity: str(adv.severity) ?? 'unknown',
      cwe: strList(refs.cweIds),
      cve: strList(refs.cveIds),
      location: {
        kind: 'file',
        file: str(file.path) ?? 'unknown',
        ...(line === undefined || line === 0 ? {} : { line }),
      },
      discriminator: `${repo}|${pkg}@${str(dep.versionSpecifier) ?? ''}`,
      asset: repo.toLowerCase(),
      evidence: `${pkg} ${str(dep.versionSpecifier) ?? ''} (${str(v.exposureType) ?? 'unknown exposure'})`,
      categories: ['vulnerable-dependency'],
      ...(triage === 'IGNORED' ? { status: 'accepted', statusReason: 'triaged as ignored' } : {}),
      ...(triage === 'FIXED' ? { status: 'fixed' } : {}),
      auditType: 'code-review',
      references: strList(refs.urls),
    },
    ctx,
  );
}

const PRO_STATUS: Readonly<Record<string, FindingStatus>> = {
  fixed: 'fixed',
  ignored: 'accepted',
  removed: 'fixed',
};

/** Semgrep findings API: `{findings}`. */
function proFinding(f: JsonRecord, ctx: BuildContext): Finding {
  const rule = rec(f.rule);
  const loc = rec(f.location);
  const line = num(loc.line);
  const column = num(loc.column);
  const ruleName = str(f.rule_name) ?? str(rule.name) ?? 'unknown';
  const state = str(f.status) ?? str(f.state);
  const reason = str(f.triage_reason);
  const status: FindingStatus | undefined =
    reason === 'false_positive' ? 'false-positive' : state === undefined ? undefined : PRO_STATUS[state];
  const repo = str(rec(f.repository).url) ?? str(rec(f.repository).name) ?? 'unknown-repository';
  return newFinding(
    {
      ruleId: ruleName,
      title: str(f.rule_message)?.split('\n', 1)[0] ?? ruleName,
      description: str(f.rule_message) ?? '',
      severity: severityFromWord(str(f.severity), 'medium'),
      rawSeverity: str(f.severity) ?? 'unknown',
      cwe: strList(rule.cwe_names),
      location: {
        kind: 'file',
        file: str(loc.file_path) ?? 'unknown',
        ...(line === undefined ? {} : { line }),
        ...(column === undefined ? {} : { column }),
      },
      asset: repo.replace(/\.git$/, '').toLowerCase(),
      categories: inferCategories(
        [],
        ruleName,
        strList(rule.vulnerability_classes).join(' '),
        strList(f.categories).join(' '),
      ),
      ...(status === undefined
        ? {}
        : { status, statusReason: `semgrep ${state ?? ''} ${reason ?? ''}`.trim() }),
      auditType: 'code-review',
      references: [str(f.line_of_code_url)].filter((x): x is string => x !== undefined),
    },
    ctx,
  );
}

/** Semgrep JSON: the CLI shape, the App Supply Chain `vulns` API and the `findings` API. */
export function parseSemgrep(content: string, options: ParseOptions): ParsedFile {
  const doc = rec(parseJson(content, 'semgrep'));
  const version = str(doc.version);
  const ctx: BuildContext = {
    tool: 'Semgrep',
    now: options.now,
    ...(version === undefined ? {} : { toolVersion: version }),
  };
  const findings = [
    ...arr(doc.results)
      .filter(isRecord)
      .map((r) => cliResult(r, ctx)),
    ...arr(doc.vulns)
      .filter(isRecord)
      .map((v) => scaVuln(v, ctx)),
    ...arr(doc.findings)
      .filter(isRecord)
      .map((f) => proFinding(f, ctx)),
  ];
  return {
    tool: 'Semgrep',
    ...(version === undefined ? {} : { toolVersion: version }),
    findings,
    assets: [],
  };
}
