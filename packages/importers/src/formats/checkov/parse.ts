import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { inferCategories } from '../../categories.ts';
import type { Finding, FindingStatus } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { severityFromWord } from '../../severity.ts';
import { arr, isRecord, num, parseJson, rec, str } from '../../util/json.ts';
import type { JsonRecord } from '../../util/json.ts';

function check(c: JsonRecord, checkType: string, ctx: BuildContext, status: FindingStatus): Finding {
  const id = str(c.check_id) ?? 'unknown';
  const range = arr(c.file_line_range);
  const line = num(range[0]);
  const end = num(range[1]);
  const file = str(c.repo_file_path) ?? str(c.file_path) ?? 'unknown';
  const suppress = str(rec(c.check_result).suppress_comment);
  return newFinding(
    {
      ruleId: id,
      title: str(c.check_name) ?? id,
      description: `${checkType}: ${str(c.check_name) ?? id} failed for ${str(c.resource) ?? 'a resource'}.`,
      // Checkov without a platform key gives no severity: a failed policy is a medium configuration gap.
      severity: severityFromWord(str(c.severity), 'medium'),
      rawSeverity: str(c.severity) ?? 'none',
      location: {
        kind: 'file',
        file,
        ...(line === undefined ? {} : { line }),
        ...(end === undefined || end === line ? {} : { endLine: end }),
      },
      discriminator: str(c.resource) ?? '',
      asset: 'iac-repository',
      evidence: arr(c.code_block)
        .map((l) => str(arr(l)[1]) ?? '')
        .join('')
        .slice(0, 1000),
      categories: inferCategories(['misconfiguration'], id, str(c.check_name)),
      status,
      ...(suppress === undefined ? {} : { statusReason: suppress }),
      auditType: 'configuration',
      references: [str(c.guideline)].filter((x): x is string => x !== undefined),
    },
    ctx,
  );
}

function report(r: JsonRecord, ctx: BuildContext): Finding[] {
  const type = str(r.check_type) ?? 'checkov';
  const results = rec(r.results);
  return [
    ...arr(results.failed_checks)
      .filter(isRecord)
      .map((c) => check(c, type, ctx, 'open')),
    ...arr(results.skipped_checks)
      .filter(isRecord)
      .map((c) => check(c, type, ctx, 'accepted')),
  ];
}

/** Checkov `-o json`: one report object, a list of them (several frameworks), or a summary-only clean run. */
export function parseCheckov(content: string, options: ParseOptions): ParsedFile {
  const doc = parseJson(content, 'checkov');
  const reports = (Array.isArray(doc) ? doc : [doc]).filter(isRecord);
  const version = reports
    .map((r) => str(r.checkov_version) ?? str(rec(r.summary).checkov_version))
    .find((v) => v !== undefined);
  const ctx: BuildContext = {
    tool: 'Checkov',
    now: options.now,
    ...(version === undefined ? {} : { toolVersion: version }),
  };
  return {
    tool: 'Checkov',
    ...(version === undefined ? {} : { toolVersion: version }),
    findings: reports.flatMap((r) => report(r, ctx)),
    assets: [],
  };
}
