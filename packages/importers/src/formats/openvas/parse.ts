import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { hostKey, newAsset } from '../../asset.ts';
import { inferCategories } from '../../categories.ts';
import type { Asset, Cvss, Finding } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { cvssVersionOf, severityFromScore, severityFromWord } from '../../severity.ts';
import { attr, child, childText, children, parseXml, text } from '../../util/xml.ts';
import type { XmlNode } from '../../util/xml.ts';

/** `key=value|key=value` tags of an NVT. */
function tags(value: string | undefined): Map<string, string> {
  return new Map(
    (value ?? '').split('|').map((kv) => {
      const at = kv.indexOf('=');
      return [kv.slice(0, at).trim(), kv.slice(at + 1).trim()] as [string, string];
    }),
  );
}

function mapResult(r: XmlNode, ctx: BuildContext, assets: Asset[]): Finding | undefined {
  const nvt = child(r, 'nvt');
  const hostNode = child(r, 'host');
  const host = hostKey(text(hostNode)?.split(/\s/, 1)[0] ?? 'unknown');
  const hostname = childText(hostNode, 'hostname');
  const portText = childText(r, 'port') ?? '';
  const [portPart, proto] = portText.split('/');
  const port = Number(portPart);
  const score = Number(childText(r, 'severity') ?? childText(nvt, 'cvss_base'));
  const threat = childText(r, 'threat');
  if (threat === 'Log' && !(score > 0)) return undefined;
  const t = tags(childText(nvt, 'tags'));
  const cvss: Cvss[] = children(child(nvt, 'severities'), 'severity').map((s) => {
    const vector = childText(s, 'value');
    const value = Number(childText(s, 'score'));
    return {
      version: cvssVersionOf(vector, attr(s, 'type') === 'cvss_base_v2' ? '2.0' : '3.1'),
      ...(vector === undefined ? {} : { vector }),
      ...(Number.isFinite(value) ? { score: value } : {}),
      source: childText(s, 'origin') ?? 'openvas',
    };
  });
  const refs = children(child(nvt, 'refs'), 'ref');
  assets.push(
    newAsset('host', host, hostname ?? host, hostname === undefined ? {} : { hostnames: [hostname] }),
  );
  const name = childText(nvt, 'name') ?? childText(r, 'name') ?? 'OpenVAS result';
  return newFinding(
    {
      ruleId: attr(nvt, 'oid') ?? name,
      title: name,
      description: [
        t.get('summary'),
        t.get('insight'),
        t.get('impact'),
        childText(nvt, 'solution') ?? t.get('solution'),
      ]
        .filter((x) => x !== undefined && x !== '')
        .join('\n\n'),
      severity: Number.isFinite(score) ? severityFromScore(score) : severityFromWord(threat),
      rawSeverity: `${threat ?? ''} ${Number.isFinite(score) ? score : ''}`.trim(),
      cvss,
      cve: refs.filter((x) => attr(x, 'type') === 'cve').map((x) => attr(x, 'id') ?? ''),
      cwe: refs.filter((x) => attr(x, 'type') === 'cwe').map((x) => attr(x, 'id') ?? ''),
      location: {
        kind: 'host',
        host,
        ...(Number.isFinite(port) && port > 0 ? { port } : {}),
        ...(proto === undefined ? {} : { protocol: proto }),
      },
      discriminator: portText,
      asset: host,
      evidence: childText(r, 'description'),
      categories: inferCategories([], name, childText(nvt, 'family')),
      auditType: 'intrusion-test',
      references: refs.filter((x) => attr(x, 'type') === 'url').map((x) => attr(x, 'id') ?? ''),
    },
    ctx,
  );
}

/** Greenbone/OpenVAS GMP XML report (`<report>` export, nested `<report>` element holding `<results>`). */
export function parseOpenvas(content: string, options: ParseOptions): ParsedFile {
  const outer = child(parseXml(content, 'openvas'), 'report');
  const inner = child(outer, 'report') ?? outer;
  const version = childText(child(inner, 'gmp') ?? child(inner, 'omp'), 'version');
  const ctx: BuildContext = {
    tool: 'OpenVAS',
    now: options.now,
    ...(version === undefined ? {} : { toolVersion: `GMP ${version}` }),
  };
  const assets: Asset[] = [];
  const findings = children(child(inner, 'results'), 'result').flatMap(
    (r) => mapResult(r, ctx, assets) ?? [],
  );
  for (const h of children(inner, 'host')) {
    const ip = hostKey(text(h)?.split(/\s/, 1)[0] ?? '');
    if (ip !== '') assets.push(newAsset('host', ip, ip));
  }
  return {
    tool: 'OpenVAS',
    ...(version === undefined ? {} : { toolVersion: `GMP ${version}` }),
    findings,
    assets,
  };
}
