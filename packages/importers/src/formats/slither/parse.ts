import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { newAsset } from '../../asset.ts';
import type { Asset, Finding, Severity } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { importError } from '../../errors.ts';
import { lookup } from '../../severity.ts';
import { arr, isRecord, num, parseJson, rec, str } from '../../util/json.ts';
import type { JsonRecord } from '../../util/json.ts';

const IMPACT: Readonly<Record<string, Severity>> = {
  High: 'high',
  Medium: 'medium',
  Low: 'low',
  Informational: 'info',
  Optimization: 'info',
};

// Detectors that put client assets at risk (theft, lock-up, takeover): MiCA custody, not only code quality.
const FUNDS_AT_RISK =
  /reentrancy|arbitrary-send|suicidal|unprotected|controlled-delegatecall|tx-origin|uninitialized|backdoor|msg-value|locked-ether/;

function contractOf(el: JsonRecord): string | undefined {
  if (str(el.type) === 'contract') return str(el.name);
  const parent = rec(rec(el.type_specific_fields).parent);
  if (str(parent.type) === 'contract') return str(parent.name);
  return Object.keys(parent).length === 0 ? undefined : contractOf(parent);
}

function mapDetector(d: JsonRecord, ctx: BuildContext, assets: Asset[]): Finding {
  const check = str(d.check) ?? 'unknown';
  const elements = arr(d.elements).filter(isRecord);
  const first = elements[0] ?? {};
  const fn = elements.find((e) => str(e.type) === 'function');
  const sm = rec(first.source_mapping);
  const file = str(sm.filename_relative) ?? str(sm.filename_short) ?? str(sm.filename_absolute);
  const line = num(arr(sm.lines)[0]);
  const contract = contractOf(first) ?? str(first.name) ?? 'unknown';
  assets.push(newAsset('contract', contract.toLowerCase(), contract, file === undefined ? {} : { file }));
  const impact = str(d.impact) ?? 'Informational';
  const description = (str(d.description) ?? '').replace(/\t/g, '  ');
  return newFinding(
    {
      ruleId: check,
      title: `${check}: ${description.split('\n', 1)[0] ?? ''}`.slice(0, 200),
      description,
      severity: lookup(IMPACT, impact) ?? 'info',
      rawSeverity: `${impact} (${str(d.confidence) ?? '?'} confidence)`,
      location: {
        kind: 'contract',
        contract,
        ...(fn === undefined ? {} : { function: str(fn.name) ?? '' }),
        ...(file === undefined ? {} : { file }),
        ...(line === undefined ? {} : { line }),
      },
      discriminator: str(d.id) ?? '',
      asset: contract.toLowerCase(),
      evidence: str(d.markdown) ?? description,
      categories: ['smart-contract', ...(FUNDS_AT_RISK.test(check) ? ['funds-at-risk'] : [])],
      auditType: 'smart-contract',
      references: [`https://github.com/crytic/slither/wiki/Detector-Documentation#${check}`],
    },
    ctx,
  );
}

/** Slither `--json` envelope `{success, error, results.detectors}` or the test-harness list of lists. */
export function parseSlither(content: string, options: ParseOptions): ParsedFile {
  const doc = parseJson(content, 'slither');
  const ctx: BuildContext = { tool: 'Slither', now: options.now };
  let detectors: unknown[];
  if (Array.isArray(doc))
    detectors = (doc as unknown[]).flatMap((x): unknown[] => (Array.isArray(x) ? (x as unknown[]) : [x]));
  else {
    const top = rec(doc);
    if (top.success === false) {
      throw importError(
        'import.malformed',
        `slither: the run failed (${str(top.error) ?? 'no error text'}); fix the compilation and run Slither again.`,
      );
    }
    detectors = [...arr(rec(top.results).detectors)];
  }
  const assets: Asset[] = [];
  const findings = detectors.filter(isRecord).map((d) => mapDetector(d, ctx, assets));
  return { tool: 'Slither', findings, assets };
}
