import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { newAsset } from '../../asset.ts';
import type { Asset, Finding } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { importError } from '../../errors.ts';
import { severityFromWord } from '../../severity.ts';
import { arr, isRecord, num, parseJson, rec, str } from '../../util/json.ts';
import type { JsonRecord } from '../../util/json.ts';

// Placeholders Mythril's own test expectations use instead of volatile values; never evidence.
const PLACEHOLDER = /^<[A-Z-]+>$/;

function swc(id: string | undefined): { ruleId: string; cwe: string[] } {
  const n = id?.replace(/^SWC-/i, '');
  // SWC ids map to CWE in the SWC registry; the common ones are listed, others keep no CWE.
  const cwe: Readonly<Record<string, string>> = {
    '101': '190',
    '104': '252',
    '105': '284',
    '106': '284',
    '107': '841',
    '110': '670',
    '112': '829',
    '113': '703',
    '115': '477',
    '116': '829',
    '120': '330',
    '124': '123',
    '127': '695',
  };
  return {
    ruleId: n === undefined ? 'unknown' : `SWC-${n}`,
    cwe: n !== undefined && cwe[n] !== undefined ? [cwe[n]] : [],
  };
}

/** `-o json`: `{success, error, issues[]}`. */
function jsonIssue(i: JsonRecord, ctx: BuildContext, assets: Asset[]): Finding {
  const { ruleId, cwe } = swc(str(i['swc-id']));
  const contract = str(i.contract) ?? 'Unknown';
  const address = num(i.address);
  const sourceMap = str(i.sourceMap);
  const txSequence = i.tx_sequence;
  assets.push(newAsset('contract', contract.toLowerCase(), contract));
  return newFinding(
    {
      ruleId,
      title: str(i.title) ?? ruleId,
      description: str(i.description) ?? '',
      severity: severityFromWord(str(i.severity), 'medium'),
      rawSeverity: str(i.severity) ?? 'unknown',
      cwe,
      location: {
        kind: 'contract',
        contract,
        ...(str(i.function) === undefined ? {} : { function: str(i.function) }),
      },
      discriminator: `${address ?? ''}|${sourceMap ?? ''}`,
      asset: contract.toLowerCase(),
      evidence: [
        address === undefined ? undefined : `bytecode address ${address}`,
        sourceMap === undefined ? undefined : `source map ${sourceMap}`,
        isRecord(txSequence)
          ? `transaction sequence: ${JSON.stringify(txSequence).slice(0, 500)}`
          : undefined,
      ]
        .filter((x) => x !== undefined)
        .join('\n'),
      categories: ['smart-contract'],
      auditType: 'smart-contract',
      references: [`https://swcregistry.io/docs/${ruleId}`],
    },
    ctx,
  );
}

/** `-o jsonv2`: `[{issues[], sourceList, meta}]`, locations as `start:length:file` source maps. */
function v2Issue(i: JsonRecord, sources: readonly string[], ctx: BuildContext, assets: Asset[]): Finding {
  const { ruleId, cwe } = swc(str(i.swcID));
  const desc = rec(i.description);
  const map = str(rec(arr(i.locations)[0]).sourceMap) ?? '';
  const fileIndex = Number(map.split(':')[2]);
  const source = sources[fileIndex] ?? 'unknown';
  const extra = rec(i.extra);
  const discovery = str(extra.discoveryTime);
  assets.push(newAsset('contract', source.toLowerCase(), source));
  return newFinding(
    {
      ruleId,
      title: str(i.swcTitle) ?? str(desc.head) ?? ruleId,
      description: [str(desc.head), str(desc.tail)].filter((x) => x !== undefined).join('\n'),
      severity: severityFromWord(str(i.severity), 'medium'),
      rawSeverity: str(i.severity) ?? 'unknown',
      cwe,
      location: { kind: 'contract', contract: source },
      discriminator: map,
      asset: source.toLowerCase(),
      evidence: `source map ${map}${discovery === undefined || PLACEHOLDER.test(discovery) ? '' : `; found after ${discovery}`}`,
      categories: ['smart-contract'],
      auditType: 'smart-contract',
      references: [`https://swcregistry.io/docs/${ruleId}`],
    },
    ctx,
  );
}

/** Mythril `-o json` and `-o jsonv2`, including the placeholder quirks of its test expectations. */
export function parseMythril(content: string, options: ParseOptions): ParsedFile {
  const doc = parseJson(content, 'mythril');
  const ctx: BuildContext = { tool: 'Mythril', now: options.now };
  const assets: Asset[] = [];
  if (Array.isArray(doc)) {
    const findings = doc.filter(isRecord).flatMap((report) => {
      const sources = arr(report.sourceList).map((s) => str(s) ?? 'unknown');
      return arr(report.issues)
        .filter(isRecord)
        .map((i) => v2Issue(i, sources, ctx, assets));
    });
    return { tool: 'Mythril', findings, assets };
  }
  const top = rec(doc);
  if (top.success === false) {
    throw importError(
      'import.malformed',
      `mythril: the analysis failed (${str(top.error) ?? 'no error text'}); run it again.`,
    );
  }
  const findings = arr(top.issues)
    .filter(isRecord)
    .map((i) => jsonIssue(i, ctx, assets));
  return { tool: 'Mythril', findings, assets };
}
