import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import type { Cvss, Finding } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { cvssVersionOf, severityFromWord } from '../../severity.ts';
import { arr, isRecord, num, parseJson, rec, str, strList } from '../../util/json.ts';
import type { JsonRecord } from '../../util/json.ts';

function cvssOf(value: unknown): Cvss[] {
  const c = rec(value);
  const vector = str(c.vectorString);
  const score = num(c.score);
  if (vector === undefined && (score === undefined || score === 0)) return [];
  return [
    {
      version: cvssVersionOf(vector),
      ...(vector === undefined ? {} : { vector }),
      ...(score === undefined ? {} : { score }),
    },
  ];
}

/** npm ≤6: one finding per advisory and installed version. */
function v6(adv: JsonRecord, ctx: BuildContext): Finding[] {
  const module = str(adv.module_name) ?? 'unknown';
  const id = str(adv.github_advisory_id) ?? str(adv.id) ?? 'unknown';
  const versions = arr(adv.findings)
    .filter(isRecord)
    .map((f) => str(f.version));
  return (versions.length === 0 ? [undefined] : versions).map((version) =>
    newFinding(
      {
        ruleId: `npm-advisory:${id}`,
        title: `${str(adv.title) ?? 'Vulnerable dependency'} in ${module}`,
        description: [
          str(adv.overview),
          str(adv.recommendation),
          `Vulnerable versions: ${str(adv.vulnerable_versions) ?? '?'}.`,
        ]
          .filter((x) => x !== undefined)
          .join('\n\n'),
        severity: severityFromWord(str(adv.severity)),
        rawSeverity: str(adv.severity) ?? 'unknown',
        cvss: cvssOf(adv.cvss),
        cwe: strList(adv.cwe),
        cve: strList(adv.cves),
        location: { kind: 'package', name: module, ...(version === undefined ? {} : { version }) },
        asset: 'npm-project',
        evidence: `${module}@${version ?? '?'} (vulnerable: ${str(adv.vulnerable_versions) ?? '?'})`,
        categories: ['vulnerable-dependency'],
        auditType: 'code-review',
        references: [
          str(adv.url),
          ...(str(adv.references) ?? '').split(/\s+/).map((s) => s.replace(/^-\s*/, '')),
        ].filter((x): x is string => x !== undefined),
      },
      ctx,
    ),
  );
}

/** npm 7+: one finding per advisory object in `via` (string entries only point to other packages). */
function v7(pkg: string, entry: JsonRecord, ctx: BuildContext): Finding[] {
  return arr(entry.via)
    .filter(isRecord)
    .map((via) => {
      const url = str(via.url);
      const id = url?.split('/').pop() ?? str(via.source) ?? 'unknown';
      return newFinding(
        {
          ruleId: `npm-advisory:${id}`,
          title: `${str(via.title) ?? 'Vulnerable dependency'} in ${str(via.name) ?? pkg}`,
          description: `Vulnerable range ${str(via.range) ?? '?'}; affected installs: ${strList(entry.nodes).join(', ') || '?'}.`,
          severity: severityFromWord(str(via.severity) ?? str(entry.severity)),
          rawSeverity: str(via.severity) ?? str(entry.severity) ?? 'unknown',
          cvss: cvssOf(via.cvss),
          cwe: strList(via.cwe),
          cve: [],
          location: {
            kind: 'package',
            name: str(via.name) ?? pkg,
            ...(str(via.range) === undefined ? {} : { version: str(via.range) }),
          },
          asset: 'npm-project',
          evidence: `${str(via.name) ?? pkg} ${str(via.range) ?? ''}; fix available: ${JSON.stringify(entry.fixAvailable ?? false)}`,
          categories: ['vulnerable-dependency'],
          auditType: 'code-review',
          references: url === undefined ? [] : [url],
        },
        ctx,
      );
    });
}

/** `npm audit --json`: npm ≤6 `advisories` and npm 7+ `vulnerabilities` (auditReportVersion 2). */
export function parseNpmAudit(content: string, options: ParseOptions): ParsedFile {
  const doc = rec(parseJson(content, 'npm-audit'));
  const ctx: BuildContext = { tool: 'npm audit', now: options.now };
  const findings = [
    ...Object.values(rec(doc.advisories))
      .filter(isRecord)
      .flatMap((a) => v6(a, ctx)),
    ...Object.entries(rec(doc.vulnerabilities)).flatMap(([pkg, v]) => (isRecord(v) ? v7(pkg, v, ctx) : [])),
  ];
  return {
    tool: 'npm audit',
    ...(doc.auditReportVersion === 2 ? { toolVersion: 'npm 7+' } : {}),
    findings,
    assets: [],
  };
}
