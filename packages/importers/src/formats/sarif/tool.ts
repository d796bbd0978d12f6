import { arr, isRecord, rec, str } from '../../util/json.ts';
import type { JsonRecord } from '../../util/json.ts';

/** The part of `run.tool` the mapper needs: names, versions and every rule, including those in extensions. */
export interface SarifTool {
  readonly name: string;
  readonly version?: string;
  readonly driverRules: readonly JsonRecord[];
  readonly extensionRules: readonly (readonly JsonRecord[])[];
  readonly byId: ReadonlyMap<string, JsonRecord>;
}

/** Reads `run.tool`: driver plus `extensions` (CodeQL query packs carry the rules there). */
export function readTool(value: unknown): SarifTool {
  const tool = rec(value);
  const driver = rec(tool.driver);
  const driverRules = arr(driver.rules).filter(isRecord);
  const extensionRules = arr(tool.extensions).map((e) => arr(rec(e).rules).filter(isRecord));
  const byId = new Map<string, JsonRecord>();
  for (const rule of [...driverRules, ...extensionRules.flat()]) {
    const id = str(rule.id);
    if (id !== undefined && !byId.has(id)) byId.set(id, rule);
  }
  const version = str(driver.version) ?? str(driver.semanticVersion);
  return {
    name: (str(driver.name) ?? 'unknown SARIF tool').trim(),
    ...(version === undefined ? {} : { version: version.replace(/^v(?=\d)/, '') }),
    driverRules,
    extensionRules,
    byId,
  };
}

/** Finds a result's rule: `rule.toolComponent` + `rule.index`, then `ruleIndex`, then the id. */
export function findRule(tool: SarifTool, result: JsonRecord): JsonRecord | undefined {
  const ref = rec(result.rule);
  const component = rec(ref.toolComponent);
  const index =
    typeof ref.index === 'number' ? ref.index : typeof result.ruleIndex === 'number' ? result.ruleIndex : -1;
  if (index >= 0) {
    const ext = typeof component.index === 'number' ? tool.extensionRules[component.index] : undefined;
    const rule = (ext ?? tool.driverRules)[index];
    if (rule !== undefined) return rule;
  }
  const id = str(result.ruleId) ?? str(ref.id);
  return id === undefined ? undefined : tool.byId.get(id);
}

/** Fills `{0}`-style placeholders of a message string. */
export function fillArguments(template: string, args: readonly unknown[]): string {
  if (args.length === 0) return template;
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => str(args[Number(n)]) ?? whole);
}

/** The message text: `text`, then `markdown`, then `rule.messageStrings[id]` with arguments. */
export function messageText(result: JsonRecord, rule: JsonRecord | undefined): string | undefined {
  const message = rec(result.message);
  const direct = str(message.text) ?? str(message.markdown);
  if (direct !== undefined) return fillArguments(direct, arr(message.arguments));
  const id = str(message.id);
  if (id === undefined || rule === undefined) return undefined;
  const entry = rec(rec(rule.messageStrings)[id]);
  const template = str(entry.text) ?? str(entry.markdown);
  return template === undefined ? undefined : fillArguments(template, arr(message.arguments));
}
