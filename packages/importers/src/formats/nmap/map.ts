import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { hostKey, newAsset } from '../../asset.ts';
import type { Asset, Cvss, Finding, Severity } from '../../finding.ts';
import { lookup, severityFromScore } from '../../severity.ts';
import { attr, child, children, text } from '../../util/xml.ts';
import type { XmlNode } from '../../util/xml.ts';

// Cleartext or administrative services whose exposure is worth more than an inventory line.
const RISKY_SERVICES: Readonly<Record<string, Severity>> = {
  telnet: 'high',
  ftp: 'medium',
  'microsoft-ds': 'medium',
  'netbios-ssn': 'medium',
  'ms-wbt-server': 'medium',
  vnc: 'medium',
  mysql: 'medium',
  'ms-sql-s': 'medium',
  postgresql: 'medium',
  mongodb: 'medium',
  redis: 'medium',
  snmp: 'medium',
  rlogin: 'high',
  rsh: 'high',
  ldap: 'low',
  http: 'low',
};

/** Flattens NSE structured output (`<elem>`/`<table>`) into `key: value` lines. */
function scriptElems(node: XmlNode, prefix = ''): string[] {
  const own = children(node, 'elem').map((e) => `${prefix}${attr(e, 'key') ?? '-'}: ${text(e) ?? ''}`);
  const nested = children(node, 'table').flatMap((t) =>
    scriptElems(t, `${prefix}${attr(t, 'key') ?? ''}${attr(t, 'key') ? '.' : ''}`),
  );
  return [...own, ...nested];
}

/** `vulners` tables: CVE ids and the highest CVSS. */
function vulners(node: XmlNode): { cve: string[]; max?: number } {
  const cve: string[] = [];
  let max: number | undefined;
  const walk = (n: XmlNode): void => {
    for (const t of children(n, 'table')) {
      const elems = new Map(children(t, 'elem').map((e) => [attr(e, 'key') ?? '', text(e) ?? '']));
      const id = elems.get('id');
      const score = Number(elems.get('cvss'));
      if (id !== undefined && /^CVE-/i.test(id)) cve.push(id);
      if (Number.isFinite(score) && (max === undefined || score > max)) max = score;
      walk(t);
    }
  };
  walk(node);
  if (cve.length === 0)
    for (const m of (attr(node, 'output') ?? '').matchAll(/CVE-\d{4}-\d{4,}/g)) cve.push(m[0]);
  return { cve, ...(max === undefined ? {} : { max }) };
}

function scriptFinding(
  script: XmlNode,
  host: string,
  port: number | undefined,
  proto: string | undefined,
  ctx: BuildContext,
): Finding {
  const id = attr(script, 'id') ?? 'script';
  const output = [attr(script, 'output'), ...scriptElems(script)].filter((x) => x !== undefined).join('\n');
  const vulnerable = /State:\s*(LIKELY\s+)?VULNERABLE/i.test(output);
  const v =
    id === 'vulners' ? vulners(script) : { cve: [...output.matchAll(/CVE-\d{4}-\d{4,}/g)].map((m) => m[0]) };
  const severity: Severity = vulnerable ? 'high' : v.max !== undefined ? severityFromScore(v.max) : 'info';
  const cvss: Cvss[] = v.max === undefined ? [] : [{ version: '2.0', score: v.max, source: 'vulners (max)' }];
  const where = port === undefined ? host : `${host}:${port}/${proto ?? 'tcp'}`;
  return newFinding(
    {
      ruleId: `nse:${id}`,
      title: `${id} on ${where}`,
      description: `Nmap NSE script ${id} reported:\n${output}`,
      severity,
      rawSeverity: vulnerable ? 'VULNERABLE' : v.max === undefined ? 'script output' : String(v.max),
      cvss,
      cve: v.cve,
      location: {
        kind: 'host',
        host,
        ...(port === undefined ? {} : { port }),
        ...(proto === undefined ? {} : { protocol: proto }),
      },
      asset: host,
      evidence: output,
      categories: vulnerable || v.cve.length > 0 ? ['exposure', 'vulnerable-service'] : ['exposure'],
      auditType: 'intrusion-test',
    },
    ctx,
  );
}

/** One `<host>`: assets (host, services) and findings (open ports, NSE output). Down hosts give nothing. */
export function mapHost(hostNode: XmlNode, ctx: BuildContext): { findings: Finding[]; assets: Asset[] } {
  if (attr(child(hostNode, 'status'), 'state') !== 'up') return { findings: [], assets: [] };
  const addresses = children(hostNode, 'address');
  const ip = addresses.find((a) => attr(a, 'addrtype') !== 'mac');
  const mac = addresses.find((a) => attr(a, 'addrtype') === 'mac');
  const names = children(child(hostNode, 'hostnames'), 'hostname')
    .map((h) => attr(h, 'name'))
    .filter((n) => n !== undefined);
  const host = hostKey(attr(ip, 'addr') ?? names[0] ?? attr(mac, 'addr') ?? 'unknown');
  const os =
    attr(child(child(hostNode, 'os'), 'osmatch'), 'name') ??
    attr(child(child(hostNode, 'os'), 'osclass'), 'osfamily');
  const assets: Asset[] = [
    newAsset('host', host, names[0] ?? host, {
      ...(names.length > 0 ? { hostnames: names } : {}),
      ...(mac === undefined ? {} : { mac: attr(mac, 'addr') ?? '', vendor: attr(mac, 'vendor') ?? '' }),
      ...(os === undefined ? {} : { os }),
    }),
  ];
  const findings: Finding[] = [];
  for (const port of children(child(hostNode, 'ports'), 'port')) {
    if (attr(child(port, 'state'), 'state') !== 'open') continue;
    const portId = Number(attr(port, 'portid'));
    const proto = attr(port, 'protocol') ?? 'tcp';
    const svc = child(port, 'service');
    const name = attr(svc, 'name') ?? 'unknown';
    const product = [attr(svc, 'product'), attr(svc, 'version'), attr(svc, 'extrainfo')]
      .filter((x) => x !== undefined)
      .join(' ');
    const tunnel = attr(svc, 'tunnel');
    const key = `${host}:${portId}/${proto}`;
    assets.push(
      newAsset('service', key, `${name} on ${key}`, {
        service: name,
        ...(product === '' ? {} : { product }),
        ...(tunnel === undefined ? {} : { tunnel }),
      }),
    );
    const risky = tunnel === 'ssl' && name === 'http' ? undefined : lookup(RISKY_SERVICES, name);
    findings.push(
      newFinding(
        {
          ruleId: 'open-port',
          title: `Open port ${portId}/${proto} (${name}) on ${host}`,
          description: `Port ${portId}/${proto} is open and runs ${name}${product === '' ? '' : ` (${product})`}. Check that this exposure is intended and filtered to the needed sources.`,
          severity: risky ?? 'info',
          rawSeverity: 'open',
          location: { kind: 'host', host, port: portId, protocol: proto },
          asset: host,
          evidence: `${portId}/${proto} open ${name}${product === '' ? '' : ` ${product}`}`,
          categories: ['exposure'],
          auditType: 'intrusion-test',
        },
        ctx,
      ),
    );
    for (const script of children(port, 'script'))
      findings.push(scriptFinding(script, host, portId, proto, ctx));
  }
  for (const script of children(child(hostNode, 'hostscript'), 'script'))
    findings.push(scriptFinding(script, host, undefined, undefined, ctx));
  return { findings, assets };
}
