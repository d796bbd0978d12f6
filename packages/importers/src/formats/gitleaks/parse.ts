import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { newAsset } from '../../asset.ts';
import { redactSecret } from '../../categories.ts';
import type { Asset, Finding, Severity } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { isRecord, num, parseJson, str, strList } from '../../util/json.ts';
import type { JsonRecord } from '../../util/json.ts';

// A committed secret is a credential exposure: high by default, whatever the rule.
const SEVERITY: Severity = 'high';

/** v7: lower-case keys (`rule`, `offender`, `lineNumber`, `leakURL`). */
function v7(l: JsonRecord, ctx: BuildContext, asset: string): Finding {
  const rule = str(l.rule) ?? 'secret';
  const line = num(l.lineNumber);
  const commit = str(l.commit);
  return newFinding(
    {
      ruleId: rule,
      title: `${rule} secret committed`,
      description: `Gitleaks found a ${rule} secret in ${str(l.file) ?? 'a file'}${commit === undefined ? '' : ` (commit ${commit.slice(0, 12)} by ${str(l.author) ?? 'unknown'})`}. Revoke and rotate it, then remove it from history.`,
      severity: SEVERITY,
      rawSeverity: strList(str(l.tags)?.split(/,\s*/)).join(',') || 'secret',
      cwe: [798],
      location: {
        kind: 'file',
        file: str(l.file) ?? 'unknown',
        ...(line === undefined ? {} : { line }),
        ...(commit === undefined ? {} : { commit }),
      },
      asset,
      evidence: redactSecret(str(l.offender)),
      categories: ['secret'],
      auditType: 'code-review',
      references: [str(l.leakURL)].filter((x): x is string => x !== undefined),
    },
    ctx,
  );
}

/** v8: capitalised keys (`RuleID`, `Secret`, `StartLine`, `Fingerprint`). */
function v8(l: JsonRecord, ctx: BuildContext, asset: string): Finding {
  const rule = str(l.RuleID) ?? 'secret';
  const line = num(l.StartLine);
  const column = num(l.StartColumn);
  const commit = str(l.Commit);
  return newFinding(
    {
      ruleId: rule,
      title: str(l.Description) ?? `${rule} secret committed`,
      description: `Gitleaks found a ${rule} secret in ${str(l.File) ?? 'a file'}${commit === undefined ? '' : ` (commit ${commit.slice(0, 12)} by ${str(l.Author) ?? 'unknown'})`}. Revoke and rotate it, then remove it from history.`,
      severity: SEVERITY,
      rawSeverity: `entropy ${num(l.Entropy) ?? '?'}`,
      cwe: [798],
      location: {
        kind: 'file',
        file: str(l.File) ?? 'unknown',
        ...(line === undefined ? {} : { line }),
        ...(column === undefined ? {} : { column }),
        ...(commit === undefined ? {} : { commit }),
      },
      asset,
      evidence: redactSecret(str(l.Secret) ?? str(l.Match)),
      categories: ['secret'],
      auditType: 'code-review',
      references: [str(l.Link)].filter((x): x is string => x !== undefined),
    },
    ctx,
  );
}

/** Gitleaks JSON report, v7 and v8 (`null` when there is nothing to report). */
export function parseGitleaks(content: string, options: ParseOptions): ParsedFile {
  const doc = parseJson(content, 'gitleaks');
  const items = (Array.isArray(doc) ? doc : []).filter(isRecord);
  const ctx: BuildContext = { tool: 'Gitleaks', now: options.now };
  const assets: Asset[] = [];
  const findings = items.map((l) => {
    const repo = (str(l.repoURL) ?? str(l.repo) ?? '.').replace(/\.git$/, '');
    const asset = repo === '.' ? 'unknown-repository' : repo.toLowerCase();
    if (asset !== 'unknown-repository') assets.push(newAsset('repository', asset, repo));
    return l.RuleID !== undefined ? v8(l, ctx, asset) : v7(l, ctx, asset);
  });
  return { tool: 'Gitleaks', findings, assets };
}
