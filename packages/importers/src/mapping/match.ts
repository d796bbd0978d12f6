import type { Finding } from '../finding.ts';
import type { MappingRule } from './rules.ts';

/** True when every criterion the rule sets holds (criteria AND, values within one criterion OR). */
export function ruleMatches(rule: MappingRule, f: Finding): boolean {
  if (rule.auditType !== undefined && !rule.auditType.includes(f.auditType)) return false;
  if (rule.severity !== undefined && !rule.severity.includes(f.severity)) return false;
  if (rule.location !== undefined && !rule.location.includes(f.location.kind)) return false;
  if (rule.tool !== undefined) {
    const tool = f.tool.toLowerCase();
    if (!rule.tool.some((t) => tool === t || tool.split(/[\s,]+/).includes(t))) return false;
  }
  if (rule.cwe !== undefined) {
    const set = rule.cwe;
    if (!f.cwe.some((c) => set.has(c))) return false;
  }
  if (rule.category !== undefined && !rule.category.some((c) => f.categories.includes(c))) return false;
  if (rule.ruleId !== undefined && !rule.ruleId.some((re) => re.test(f.ruleId))) return false;
  return true;
}

/** Requirement URNs of every matching rule, unique and sorted. */
export function requirementsFor(f: Finding, rules: readonly MappingRule[]): string[] {
  const out = new Set<string>();
  for (const rule of rules) if (ruleMatches(rule, f)) for (const urn of rule.requirements) out.add(urn);
  return [...out].sort();
}

/** Returns the findings with `requirements` filled from the table. */
export function applyMapping(findings: readonly Finding[], rules: readonly MappingRule[]): Finding[] {
  return findings.map((f) => ({ ...f, requirements: requirementsFor(f, rules) }));
}
