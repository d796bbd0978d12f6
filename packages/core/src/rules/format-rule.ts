import type { Rule } from './rule.types.ts';

function list(values: readonly string[]): string {
  return values.length === 1 ? (values[0] ?? '') : `[${values.join(', ')}]`;
}

/** Prints a rule back in the rule language; `parseRule(formatRule(r))` equals `r`. */
export function formatRule(rule: Rule): string {
  switch (rule.kind) {
    case 'const':
      return String(rule.value);
    case 'and':
      return rule.items
        .map((item) => (item.kind === 'or' ? `(${formatRule(item)})` : formatRule(item)))
        .join(' and ');
    case 'or':
      return rule.items
        .map((item) => (item.kind === 'and' ? `(${formatRule(item)})` : formatRule(item)))
        .join(' or ');
    case 'not':
      return rule.item.kind === 'and' || rule.item.kind === 'or'
        ? `not (${formatRule(rule.item)})`
        : `not ${formatRule(rule.item)}`;
    case 'service':
      return `service in ${list(rule.values)}`;
    case 'issuance':
      return `issuance in ${list(rule.values)}`;
    case 'legalStatus':
      return rule.negated ? `legalStatus != ${list(rule.values)}` : `legalStatus in ${list(rule.values)}`;
    case 'memberState':
      return rule.negated ? `memberState != ${list(rule.values)}` : `memberState in ${list(rule.values)}`;
    case 'factFlag':
      return `facts.${rule.fact}`;
    case 'factCompare':
      return `facts.${rule.fact} ${rule.op} ${rule.value}`;
  }
}
