import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { hostKey, newAsset } from '../../asset.ts';
import { inferCategories } from '../../categories.ts';
import type { Asset } from '../../finding.ts';
import type { Format, ParsedFile, ParseOptions } from '../../format.ts';
import { severityFromScore, severityFromWord } from '../../severity.ts';
import { csvHeader, parseCsv } from '../../util/csv.ts';

/** Greenbone/OpenVAS CSV results export (both column sets: with and without QoD and EPSS). */
export function parseOpenvasCsv(content: string, options: ParseOptions): ParsedFile {
  const ctx: BuildContext = { tool: 'OpenVAS', now: options.now };
  const assets: Asset[] = [];
  const findings = parseCsv(content, 'openvas-csv').flatMap(({ values: v }) => {
    const score = Number(v.CVSS);
    const word = v.Severity ?? '';
    if (word === 'Log' && !(score > 0)) return [];
    const host = hostKey(v.IP ?? 'unknown');
    const port = Number(v.Port);
    const proto = v['Port Protocol'] || undefined;
    assets.push(newAsset('host', host, v.Hostname || host, v.Hostname ? { hostnames: [v.Hostname] } : {}));
    const name = v['NVT Name'] ?? 'OpenVAS result';
    return [
      newFinding(
        {
          ruleId: v['NVT OID'] || name,
          title: name,
          description: [v.Summary, v['Vulnerability Insight'], v.Impact, v.Solution]
            .filter((x) => x !== undefined && x !== '')
            .join('\n\n'),
          severity:
            Number.isFinite(score) && v.CVSS !== '' ? severityFromScore(score) : severityFromWord(word),
          rawSeverity: `${word} ${v.CVSS ?? ''}`.trim(),
          cvss: Number.isFinite(score) && v.CVSS !== '' ? [{ version: '3.1', score, source: 'openvas' }] : [],
          cve: (v.CVEs ?? '').split(/[\s,]+/),
          location: {
            kind: 'host',
            host,
            ...(Number.isFinite(port) && port > 0 ? { port } : {}),
            ...(proto === undefined ? {} : { protocol: proto }),
          },
          discriminator: v.Port ? `${v.Port}/${proto ?? 'tcp'}` : `general/${proto ?? 'tcp'}`,
          asset: host,
          evidence: v['Specific Result'],
          categories: inferCategories([], name),
          auditType: 'intrusion-test',
          references: (v['Other References'] ?? '').split(/[\s,]+/),
        },
        ctx,
      ),
    ];
  });
  return { tool: 'OpenVAS', findings, assets };
}

export const openvasCsv: Format = {
  name: 'openvas-csv',
  label: 'OpenVAS / Greenbone CSV',
  versions: 'GVM CSV results export (with or without QoD and EPSS columns)',
  detect: (sample) => {
    const h = csvHeader(sample);
    return h[0] === 'ip' && h.includes('nvt oid') && h.includes('severity');
  },
  parse: parseOpenvasCsv,
};
