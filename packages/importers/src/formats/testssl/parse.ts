import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { hostKey, newAsset } from '../../asset.ts';
import { inferCategories } from '../../categories.ts';
import type { Asset, Finding, Severity } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { parseCsv } from '../../util/csv.ts';
import { arr, isRecord, parseJson, rec, str } from '../../util/json.ts';

// OK, INFO, WARN (a scan problem) and DEBUG are not findings.
const SEVERITY: Readonly<Record<string, Severity>> = {
  LOW: 'low',
  MEDIUM: 'medium',
  HIGH: 'high',
  CRITICAL: 'critical',
};

interface TestsslRow {
  readonly id: string;
  readonly target: string;
  readonly port: string;
  readonly severity: string;
  readonly finding: string;
  readonly cve?: string;
  readonly cwe?: string;
}

function mapRow(row: TestsslRow, ctx: BuildContext, assets: Asset[]): Finding | undefined {
  const severity = SEVERITY[row.severity.toUpperCase()];
  if (severity === undefined) return undefined;
  // `fqdn/ip` is `name/address`, or `name/` when the address is unknown.
  const [name, ip] = row.target.split('/');
  const host = hostKey(name !== undefined && name !== '' ? name : (ip ?? row.target));
  const port = Number(row.port);
  assets.push(
    newAsset(
      'service',
      `${host}:${port}/tcp`,
      `TLS on ${host}:${port}`,
      ip === undefined || ip === '' ? {} : { ip },
    ),
  );
  return newFinding(
    {
      ruleId: row.id,
      title: `${row.id}: ${row.finding}`.slice(0, 200),
      description: `testssl.sh check ${row.id} on ${host}:${port}: ${row.finding}`,
      severity,
      rawSeverity: row.severity,
      cwe: row.cwe === undefined ? [] : [row.cwe],
      cve: (row.cve ?? '').split(/[\s,]+/),
      location: { kind: 'host', host, ...(Number.isFinite(port) ? { port } : {}), protocol: 'tcp' },
      asset: host,
      evidence: row.finding,
      categories: inferCategories(['tls'], row.id, row.finding),
      auditType: 'configuration',
    },
    ctx,
  );
}

/** testssl.sh `--csv` (every field quoted). */
export function parseTestsslCsv(content: string, options: ParseOptions): ParsedFile {
  const ctx: BuildContext = { tool: 'testssl.sh', now: options.now };
  const assets: Asset[] = [];
  const findings = parseCsv(content, 'testssl').flatMap(
    ({ values: v }) =>
      mapRow(
        {
          id: v.id ?? '',
          target: v['fqdn/ip'] ?? '',
          port: v.port ?? '',
          severity: v.severity ?? '',
          finding: v.finding ?? '',
          ...(v.cve === undefined ? {} : { cve: v.cve }),
          ...(v.cwe === undefined ? {} : { cwe: v.cwe }),
        },
        ctx,
        assets,
      ) ?? [],
  );
  return { tool: 'testssl.sh', findings, assets };
}

/** testssl.sh `--json` (flat array) and `--json-pretty` (`scanResult[]` with one array per section). */
export function parseTestsslJson(content: string, options: ParseOptions): ParsedFile {
  const doc = parseJson(content, 'testssl');
  const version = isRecord(doc) ? str(doc.version) : undefined;
  const ctx: BuildContext = {
    tool: 'testssl.sh',
    now: options.now,
    ...(version === undefined ? {} : { toolVersion: version }),
  };
  const assets: Asset[] = [];
  const rows: TestsslRow[] = [];
  const push = (item: unknown, target?: string, port?: string): void => {
    if (!isRecord(item)) return;
    rows.push({
      id: str(item.id) ?? '',
      target: str(item.ip) ?? target ?? '',
      port: str(item.port) ?? port ?? '',
      severity: str(item.severity) ?? '',
      finding: str(item.finding) ?? '',
      ...(str(item.cve) === undefined ? {} : { cve: str(item.cve) }),
      ...(str(item.cwe) === undefined ? {} : { cwe: str(item.cwe) }),
    });
  };
  if (Array.isArray(doc)) for (const item of doc) push(item);
  for (const scan of arr(rec(doc).scanResult).filter(isRecord)) {
    const target = `${str(scan.targetHost) ?? ''}/${str(scan.ip) ?? ''}`;
    for (const value of Object.values(scan))
      if (Array.isArray(value)) for (const item of value) push(item, target, str(scan.port));
  }
  const findings = rows.flatMap((r) => mapRow(r, ctx, assets) ?? []);
  return { tool: 'testssl.sh', ...(version === undefined ? {} : { toolVersion: version }), findings, assets };
}
