import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { newAsset } from '../../asset.ts';
import { inferCategories } from '../../categories.ts';
import type { Asset } from '../../finding.ts';
import type { Format, ParsedFile, ParseOptions } from '../../format.ts';
import { severityFromWord } from '../../severity.ts';
import { csvHeader, parseCsv } from '../../util/csv.ts';

/** Prowler v4/v5 CSV (semicolon-separated); same identity as the OCSF JSON of the same scan. */
export function parseProwlerCsv(content: string, options: ParseOptions): ParsedFile {
  const rows = parseCsv(content, 'prowler-csv', ';');
  const version = rows
    .map((r) => r.values.PROWLER_VERSION)
    .find((v) => v !== undefined && v !== '' && !v.startsWith('<'));
  const ctx: BuildContext = {
    tool: 'Prowler',
    now: options.now,
    ...(version === undefined ? {} : { toolVersion: version }),
  };
  const assets: Asset[] = [];
  const findings = rows.flatMap(({ values: v }) => {
    if (v.STATUS !== 'FAIL') return [];
    const provider = (v.PROVIDER || 'cloud').toLowerCase();
    const account = v.ACCOUNT_UID || undefined;
    const region = v.REGION || undefined;
    const assetKey = `${provider}:${account ?? 'unknown'}`.toLowerCase();
    assets.push(newAsset('cloud-resource', assetKey, `${provider} ${account ?? ''}`.trim(), { provider }));
    const title = v.CHECK_TITLE || v.CHECK_ID || 'Prowler finding';
    return [
      newFinding(
        {
          ruleId: v.CHECK_ID || title,
          title,
          description: [v.STATUS_EXTENDED, v.RISK, v.REMEDIATION_RECOMMENDATION_TEXT]
            .filter((x) => x !== undefined && x !== '')
            .join('\n\n'),
          severity: severityFromWord(v.SEVERITY),
          rawSeverity: v.SEVERITY || 'unknown',
          location: {
            kind: 'cloud',
            provider,
            ...(account === undefined ? {} : { account }),
            ...(region === undefined ? {} : { region }),
            resourceId: v.RESOURCE_UID || v.RESOURCE_NAME || 'unknown',
          },
          asset: assetKey,
          evidence: v.STATUS_EXTENDED,
          categories: inferCategories(['misconfiguration'], v.CHECK_TYPE, title, v.CATEGORIES),
          ...(v.MUTED === 'True' ? { status: 'accepted' as const, statusReason: 'muted in Prowler' } : {}),
          auditType: 'configuration',
          references: [v.RELATED_URL ?? '', v.REMEDIATION_RECOMMENDATION_URL ?? ''],
        },
        ctx,
      ),
    ];
  });
  return { tool: 'Prowler', ...(version === undefined ? {} : { toolVersion: version }), findings, assets };
}

export const prowlerCsv: Format = {
  name: 'prowler-csv',
  label: 'Prowler CSV',
  versions: 'Prowler v4/v5 CSV output (semicolon-separated)',
  detect: (sample) => {
    const h = csvHeader(sample, ';');
    return h.includes('check_id') && h.includes('status') && h.includes('finding_uid');
  },
  parse: parseProwlerCsv,
};
