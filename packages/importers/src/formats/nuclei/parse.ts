import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { hostKey, newAsset, urlOrigin } from '../../asset.ts';
import { inferCategories } from '../../categories.ts';
import type { Asset, Cvss, Finding, FindingLocation } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { cvssVersionOf, severityFromWord } from '../../severity.ts';
import { firstChar, isRecord, num, parseJson, rec, str, strList } from '../../util/json.ts';
import type { JsonRecord } from '../../util/json.ts';
import { parseJsonLines } from '../../util/jsonl.ts';

function pick(o: JsonRecord, ...keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
}

function locationOf(r: JsonRecord): FindingLocation {
  const matched = str(pick(r, 'matched-at', 'matched', 'matched_at'));
  const host = str(r.host) ?? str(r.ip);
  const target = matched ?? host;
  if (target === undefined) return { kind: 'none' };
  if (/^[a-z]+:\/\//i.test(target)) return { kind: 'url', url: target };
  const m = /^(.*):(\d+)$/.exec(target);
  if (m !== null) return { kind: 'host', host: hostKey(m[1] ?? target), port: Number(m[2]) };
  return { kind: 'host', host: hostKey(target) };
}

function assetOf(r: JsonRecord, loc: FindingLocation): string {
  if (loc.kind === 'url') return urlOrigin(loc.url);
  const host = str(r.host) ?? str(r.ip);
  if (host !== undefined && /^[a-z]+:\/\//i.test(host)) return urlOrigin(host);
  if (loc.kind === 'host') return loc.host;
  return host === undefined ? 'unknown' : hostKey(host);
}

function mapResult(r: JsonRecord, ctx: BuildContext, assets: Asset[]): Finding {
  const info = rec(r.info);
  const cls = rec(info.classification);
  const templateId = str(pick(r, 'template-id', 'templateID', 'template_id')) ?? 'unknown';
  const matcher = str(pick(r, 'matcher-name', 'matcher_name'));
  const loc = locationOf(r);
  const asset = assetOf(r, loc);
  assets.push(newAsset(loc.kind === 'url' || asset.includes('://') ? 'url' : 'host', asset, asset));
  const vector = str(cls['cvss-metrics']);
  const score = num(cls['cvss-score']);
  const cvss: Cvss[] =
    vector === undefined && score === undefined
      ? []
      : [
          {
            version: cvssVersionOf(vector),
            ...(vector === undefined ? {} : { vector }),
            ...(score === undefined ? {} : { score }),
          },
        ];
  const refs = Array.isArray(info.reference)
    ? strList(info.reference)
    : (str(info.reference) ?? '').split(/\s+/).map((s) => s.replace(/^-\s*/, ''));
  const name = str(info.name) ?? templateId;
  const extracted = strList(pick(r, 'extracted-results', 'extracted_results')).join(', ');
  return newFinding(
    {
      ruleId: matcher === undefined ? templateId : `${templateId}:${matcher}`,
      title: matcher === undefined ? name : `${name} (${matcher})`,
      description: str(info.description) ?? '',
      severity: severityFromWord(str(info.severity)),
      rawSeverity: str(info.severity) ?? 'unknown',
      cvss,
      cwe: strList(cls['cwe-id']),
      cve: strList(cls['cve-id']),
      location: loc,
      asset,
      evidence: [
        extracted === '' ? undefined : `extracted: ${extracted}`,
        str(r['curl-command']),
        str(r.request)?.split(/\r?\n/, 1)[0],
      ]
        .filter((x) => x !== undefined)
        .join('\n'),
      categories: inferCategories([], templateId, name, strList(info.tags).join(' '), str(info.tags)),
      auditType: 'intrusion-test',
      references: refs,
    },
    ctx,
  );
}

/** Nuclei JSONL (`-jsonl`, one result per line), JSON array (`-json-export`), or an empty file. */
export function parseNuclei(content: string, options: ParseOptions): ParsedFile {
  const items = firstChar(content) === '[' ? parseJson(content, 'nuclei') : parseJsonLines(content, 'nuclei');
  const ctx: BuildContext = { tool: 'Nuclei', now: options.now };
  const assets: Asset[] = [];
  const findings = (Array.isArray(items) ? items : []).filter(isRecord).map((r) => mapResult(r, ctx, assets));
  return { tool: 'Nuclei', findings, assets };
}
