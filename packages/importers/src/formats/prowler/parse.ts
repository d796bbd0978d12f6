import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { newAsset } from '../../asset.ts';
import { inferCategories } from '../../categories.ts';
import type { Asset, Finding } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { severityFromWord } from '../../severity.ts';
import { arr, isRecord, parseJson, rec, str, strList } from '../../util/json.ts';
import type { JsonRecord } from '../../util/json.ts';

/** OCSF Detection Finding (class 2004) from Prowler v4/v5; only FAIL results are findings. */
function ocsf(f: JsonRecord, ctx: BuildContext, assets: Asset[]): Finding | undefined {
  if (str(f.status_code) !== 'FAIL') return undefined;
  const info = rec(f.finding_info);
  const meta = rec(f.metadata);
  const cloud = rec(f.cloud);
  const resource = rec(arr(f.resources)[0]);
  // Kubernetes findings carry no `cloud` key: the namespace stands in for the account.
  const provider = str(cloud.provider) ?? str(resource.cloud_partition) ?? 'kubernetes';
  const account = str(rec(cloud.account).uid) ?? str(resource.namespace);
  const region = str(resource.region) ?? str(cloud.region);
  const resourceId = str(resource.uid) ?? str(resource.name) ?? 'unknown';
  const assetKey = `${provider}:${account ?? 'unknown'}`.toLowerCase();
  assets.push(newAsset('cloud-resource', assetKey, `${provider} ${account ?? ''}`.trim(), { provider }));
  const title = str(info.title) ?? str(f.message) ?? 'Prowler finding';
  const remediation = rec(f.remediation);
  return newFinding(
    {
      ruleId: str(meta.event_code) ?? str(info.uid) ?? title,
      title,
      description: [str(f.status_detail) ?? str(f.message), str(f.risk_details), str(remediation.desc)]
        .filter((x) => x !== undefined)
        .join('\n\n'),
      severity: severityFromWord(str(f.severity)),
      rawSeverity: str(f.severity) ?? 'unknown',
      location: {
        kind: 'cloud',
        provider,
        ...(account === undefined ? {} : { account }),
        ...(region === undefined ? {} : { region }),
        resourceId,
      },
      asset: assetKey,
      evidence: str(f.status_detail),
      categories: inferCategories(
        ['misconfiguration'],
        strList(info.types).join(' '),
        title,
        strList(rec(f.unmapped).categories).join(' '),
      ),
      auditType: 'configuration',
      references: [str(rec(f.unmapped).related_url), ...strList(remediation.references)].filter(
        (x): x is string => x !== undefined,
      ),
    },
    ctx,
  );
}

/** Prowler 3 native JSON (`CheckID`, `Status`, `ResourceArn`…). */
function native(f: JsonRecord, ctx: BuildContext, assets: Asset[]): Finding | undefined {
  if (str(f.Status) !== 'FAIL') return undefined;
  const provider = (str(f.Provider) ?? 'aws').toLowerCase();
  const account = str(f.AccountId);
  const region = str(f.Region);
  const assetKey = `${provider}:${account ?? 'unknown'}`.toLowerCase();
  assets.push(newAsset('cloud-resource', assetKey, `${provider} ${account ?? ''}`.trim(), { provider }));
  const rec2 = rec(rec(f.Remediation).Recommendation);
  return newFinding(
    {
      ruleId: str(f.CheckID) ?? 'unknown',
      title: str(f.CheckTitle) ?? str(f.CheckID) ?? 'Prowler finding',
      description: [str(f.StatusExtended), str(f.Risk), str(rec2.Text)]
        .filter((x) => x !== undefined)
        .join('\n\n'),
      severity: severityFromWord(str(f.Severity)),
      rawSeverity: str(f.Severity) ?? 'unknown',
      location: {
        kind: 'cloud',
        provider,
        ...(account === undefined ? {} : { account }),
        ...(region === undefined ? {} : { region }),
        resourceId: str(f.ResourceArn) ?? str(f.ResourceId) ?? 'unknown',
      },
      asset: assetKey,
      evidence: str(f.StatusExtended),
      categories: inferCategories(['misconfiguration'], strList(f.CheckType).join(' '), str(f.CheckTitle)),
      auditType: 'configuration',
      references: [str(f.RelatedUrl), str(rec2.Url)].filter((x): x is string => x !== undefined),
    },
    ctx,
  );
}

export function parseProwler(content: string, options: ParseOptions): ParsedFile {
  const doc = parseJson(content, 'prowler');
  const items = (Array.isArray(doc) ? doc : [doc]).filter(isRecord);
  const version = items
    .map((i) => str(rec(rec(i.metadata).product).version))
    .find((v) => v !== undefined && !v.startsWith('<'));
  const ctx: BuildContext = {
    tool: 'Prowler',
    now: options.now,
    ...(version === undefined ? {} : { toolVersion: version }),
  };
  const assets: Asset[] = [];
  const findings = items.flatMap(
    (i) =>
      (i.class_uid !== undefined || i.finding_info !== undefined
        ? ocsf(i, ctx, assets)
        : native(i, ctx, assets)) ?? [],
  );
  return { tool: 'Prowler', ...(version === undefined ? {} : { toolVersion: version }), findings, assets };
}
