import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { newAsset } from '../../asset.ts';
import { inferCategories, redactSecret } from '../../categories.ts';
import type { Asset, Cvss, Finding, FindingStatus } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { cvssVersionOf, severityFromWord } from '../../severity.ts';
import { arr, isRecord, num, parseJson, rec, str, strList } from '../../util/json.ts';
import type { JsonRecord } from '../../util/json.ts';

/** Every score per source (`nvd`, `redhat`, `ghsa`…), V2, V3 and V40. */
export function trivyCvss(value: unknown): Cvss[] {
  const out: Cvss[] = [];
  for (const [source, raw] of Object.entries(rec(value))) {
    const s = rec(raw);
    const pairs: [string | undefined, number | undefined, '2.0' | '3.1' | '4.0'][] = [
      [str(s.V40Vector), num(s.V40Score), '4.0'],
      [str(s.V3Vector), num(s.V3Score), '3.1'],
      [str(s.V2Vector), num(s.V2Score), '2.0'],
    ];
    for (const [vector, score, fallback] of pairs) {
      if (vector === undefined && score === undefined) continue;
      out.push({
        version: cvssVersionOf(vector, fallback),
        ...(vector === undefined ? {} : { vector }),
        ...(score === undefined ? {} : { score }),
        source,
      });
    }
  }
  return out;
}

const STATUS: Readonly<Record<string, FindingStatus>> = { not_affected: 'false-positive' };

function vulnerability(v: JsonRecord, target: string, asset: string, ctx: BuildContext): Finding {
  const id = str(v.VulnerabilityID) ?? 'unknown';
  const pkg = str(v.PkgName) ?? str(v.PkgID) ?? 'unknown';
  const version = str(v.InstalledVersion);
  const fixed = str(v.FixedVersion);
  const status = str(v.Status);
  return newFinding(
    {
      ruleId: id,
      title: str(v.Title) ?? `${id} in ${pkg}`,
      description: [str(v.Description), fixed === undefined ? undefined : `Fixed in ${fixed}.`]
        .filter((x) => x !== undefined)
        .join('\n\n'),
      severity: severityFromWord(str(v.Severity)),
      rawSeverity: str(v.Severity) ?? 'UNKNOWN',
      cvss: trivyCvss(v.CVSS),
      cwe: strList(v.CweIDs),
      cve: [id],
      location: { kind: 'package', name: pkg, ...(version === undefined ? {} : { version }), target },
      asset,
      evidence: `${pkg}@${version ?? '?'}${fixed === undefined ? '' : ` (fixed: ${fixed})`}`,
      categories: ['vulnerable-dependency'],
      ...(status !== undefined && STATUS[status] !== undefined
        ? { status: STATUS[status], statusReason: `trivy status ${status}` }
        : {}),
      auditType: 'configuration',
      references: [str(v.PrimaryURL), ...strList(v.References)].filter((x): x is string => x !== undefined),
    },
    ctx,
  );
}

function misconfiguration(
  m: JsonRecord,
  target: string,
  asset: string,
  ctx: BuildContext,
): Finding | undefined {
  if (str(m.Status) === 'PASS') return undefined;
  const id = str(m.AVDID) ?? str(m.ID) ?? 'unknown';
  const cause = rec(m.CauseMetadata);
  const line = num(cause.StartLine);
  return newFinding(
    {
      ruleId: id,
      title: str(m.Title) ?? id,
      description: [str(m.Description), str(m.Message), str(m.Resolution)]
        .filter((x) => x !== undefined)
        .join('\n\n'),
      severity: severityFromWord(str(m.Severity)),
      rawSeverity: str(m.Severity) ?? 'UNKNOWN',
      location: { kind: 'file', file: target, ...(line === undefined ? {} : { line }) },
      asset,
      evidence: str(m.Message),
      categories: inferCategories(['misconfiguration'], str(m.Type), str(m.Title)),
      auditType: 'configuration',
      references: [str(m.PrimaryURL), ...strList(m.References)].filter((x): x is string => x !== undefined),
    },
    ctx,
  );
}

function secret(s: JsonRecord, target: string, asset: string, ctx: BuildContext): Finding {
  const id = str(s.RuleID) ?? 'secret';
  const line = num(s.StartLine);
  return newFinding(
    {
      ruleId: id,
      title: str(s.Title) ?? id,
      description: `${str(s.Category) ?? 'Secret'} found in ${target}.`,
      severity: severityFromWord(str(s.Severity)),
      rawSeverity: str(s.Severity) ?? 'UNKNOWN',
      cwe: [798],
      location: { kind: 'file', file: target, ...(line === undefined ? {} : { line }) },
      asset,
      evidence: redactSecret(str(s.Match)),
      categories: ['secret'],
      auditType: 'configuration',
    },
    ctx,
  );
}

/** One `Results[]` entry (also a legacy top-level array entry). */
function result(r: JsonRecord, asset: string, ctx: BuildContext, prefix = ''): Finding[] {
  const target = `${prefix}${str(r.Target) ?? 'unknown'}`;
  return [
    ...arr(r.Vulnerabilities)
      .filter(isRecord)
      .map((v) => vulnerability(v, target, asset, ctx)),
    ...arr(r.Misconfigurations)
      .filter(isRecord)
      .flatMap((m) => misconfiguration(m, target, asset, ctx) ?? []),
    ...arr(r.Secrets)
      .filter(isRecord)
      .map((s) => secret(s, target, asset, ctx)),
  ];
}

/** Trivy JSON: legacy array (or `null`), schema 2 (`Results`), and the Kubernetes summary (`ClusterName`). */
export function parseTrivy(content: string, options: ParseOptions): ParsedFile {
  const doc = parseJson(content, 'trivy');
  const ctx: BuildContext = { tool: 'Trivy', now: options.now };
  const assets: Asset[] = [];
  if (doc === null) return { tool: 'Trivy', findings: [], assets };
  if (Array.isArray(doc)) {
    const findings = doc.filter(isRecord).flatMap((r) => {
      const target = str(r.Target) ?? 'unknown';
      const image = target.replace(/\s+\(.*\)$/, '');
      assets.push(newAsset('image', image.toLowerCase(), image));
      return result(r, image.toLowerCase(), ctx);
    });
    return { tool: 'Trivy', findings, assets };
  }
  const top = rec(doc);
  if (str(top.ClusterName) !== undefined) {
    const cluster = str(top.ClusterName) ?? 'cluster';
    assets.push(
      newAsset('cloud-resource', `k8s:${cluster}`.toLowerCase(), cluster, { kind: 'kubernetes-cluster' }),
    );
    const findings = [...arr(top.Vulnerabilities), ...arr(top.Misconfigurations)]
      .filter(isRecord)
      .flatMap((res) => {
        const prefix = `${str(res.Namespace) ?? 'default'}/${str(res.Kind) ?? 'Resource'}/${str(res.Name) ?? '?'}: `;
        return arr(res.Results)
          .filter(isRecord)
          .flatMap((r) => result(r, `k8s:${cluster}`.toLowerCase(), ctx, prefix));
      });
    return { tool: 'Trivy', findings, assets };
  }
  const artifact = str(top.ArtifactName) ?? 'unknown';
  const kind = str(top.ArtifactType) === 'container_image' ? 'image' : 'repository';
  const asset = artifact.toLowerCase();
  assets.push(newAsset(kind, asset, artifact, { artifactType: str(top.ArtifactType) ?? '' }));
  const findings = arr(top.Results)
    .filter(isRecord)
    .flatMap((r) => result(r, asset, ctx));
  return { tool: 'Trivy', findings, assets };
}
