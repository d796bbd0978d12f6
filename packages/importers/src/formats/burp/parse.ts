import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { newAsset, urlOrigin } from '../../asset.ts';
import { inferCategories } from '../../categories.ts';
import type { Asset, Finding } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { severityFromWord } from '../../severity.ts';
import { attr, child, childText, children, parseXml, text } from '../../util/xml.ts';
import type { XmlNode } from '../../util/xml.ts';
import { stripHtml } from '../zap/map.ts';

/** Request or response text, decoding base64 when Burp says so; only the head is kept as evidence. */
function message(node: XmlNode | undefined): string | undefined {
  const raw = text(node);
  if (raw === undefined) return undefined;
  const decoded = attr(node, 'base64') === 'true' ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  return decoded.split(/\r?\n\r?\n/, 1)[0];
}

function mapIssue(issue: XmlNode, ctx: BuildContext, assets: Asset[]): Finding {
  const hostNode = child(issue, 'host');
  const host = text(hostNode) ?? '';
  const path = childText(issue, 'path') ?? '/';
  const location = childText(issue, 'location') ?? path;
  const param = /\[(\S+)\s+(?:[\w-]+\s+)?(?:parameter|cookie|header)\]/.exec(location)?.[1];
  const url = `${host.replace(/\/$/, '')}${path}`;
  const origin = urlOrigin(host);
  assets.push(newAsset('url', origin, host, { ip: attr(hostNode, 'ip') ?? '' }));
  const classifications = childText(issue, 'vulnerabilityClassifications') ?? '';
  const rr = child(issue, 'requestresponse');
  const request = message(child(rr, 'request'));
  const name = childText(issue, 'name') ?? 'Burp issue';
  const severity = childText(issue, 'severity');
  return newFinding(
    {
      ruleId: childText(issue, 'type') ?? name,
      title: name,
      description: [
        childText(issue, 'issueDetail'),
        childText(issue, 'issueBackground'),
        childText(issue, 'remediationBackground'),
      ]
        .map(stripHtml)
        .filter((x) => x !== undefined && x !== '')
        .join('\n\n'),
      severity: severity === 'Information' ? 'info' : severityFromWord(severity, 'info'),
      rawSeverity: `${severity ?? 'unknown'} (${childText(issue, 'confidence') ?? 'unknown'} confidence)`,
      cwe: [...classifications.matchAll(/CWE-(\d+)/gi)].map((m) => m[1] ?? ''),
      location: {
        kind: 'url',
        url,
        ...(rr === undefined ? {} : { method: attr(child(rr, 'request'), 'method') ?? 'GET' }),
        ...(param === undefined ? {} : { param }),
      },
      discriminator: location,
      asset: origin,
      evidence: request,
      categories: inferCategories([], name, classifications),
      auditType: 'intrusion-test',
      references: [...(childText(issue, 'references') ?? '').matchAll(/href="([^"]+)"/g)].map(
        (m) => m[1] ?? '',
      ),
    },
    ctx,
  );
}

/** Burp Suite "Report issues" XML (internal DTD tolerated, never expanded; base64 request/response). */
export function parseBurp(content: string, options: ParseOptions): ParsedFile {
  const issues = child(parseXml(content, 'burp'), 'issues');
  const version = attr(issues, 'burpVersion');
  const ctx: BuildContext = {
    tool: 'Burp Suite',
    now: options.now,
    ...(version === undefined ? {} : { toolVersion: version }),
  };
  const assets: Asset[] = [];
  const findings = children(issues, 'issue').map((i) => mapIssue(i, ctx, assets));
  return { tool: 'Burp Suite', ...(version === undefined ? {} : { toolVersion: version }), findings, assets };
}
