import type { Profile } from '../profile/profile.schema.ts';
import { describePredicate } from './explain.ts';
import type { Rule, Text } from './rule.types.ts';

export interface Evaluation {
  readonly value: boolean;
  /** Why the rule has this value: the clauses that decided it, in words. */
  readonly reasons: readonly Text[];
}

function compare(left: number, op: string, right: number): boolean {
  switch (op) {
    case '>=':
      return left >= right;
    case '>':
      return left > right;
    case '<=':
      return left <= right;
    case '<':
      return left < right;
    case '==':
      return left === right;
    default:
      return left !== right;
  }
}

/** The truth of a rule for a profile, without explanations (the fast path). */
export function test(rule: Rule, profile: Profile): boolean {
  switch (rule.kind) {
    case 'const':
      return rule.value;
    case 'and':
      return rule.items.every((item) => test(item, profile));
    case 'or':
      return rule.items.some((item) => test(item, profile));
    case 'not':
      return !test(rule.item, profile);
    case 'service':
      return rule.values.some((key) => profile.services.includes(key));
    case 'issuance':
      return rule.values.some((role) => profile.issuance.includes(role));
    case 'legalStatus':
      return rule.values.includes(profile.legalStatus) !== rule.negated;
    case 'memberState':
      return rule.values.includes(profile.memberState) !== rule.negated;
    case 'factFlag':
      return profile.facts[rule.fact] === true;
    case 'factCompare': {
      const value = profile.facts[rule.fact];
      return typeof value === 'number' && compare(value, rule.op, rule.value);
    }
  }
}

/**
 * Evaluates a rule and explains it: for a true `and` every clause, for a false one the failing clauses; for an
 * `or` the clauses that decided it.
 */
export function evaluate(rule: Rule, profile: Profile): Evaluation {
  switch (rule.kind) {
    case 'and': {
      const parts = rule.items.map((item) => evaluate(item, profile));
      const value = parts.every((part) => part.value);
      return { value, reasons: parts.filter((part) => part.value === value).flatMap((part) => part.reasons) };
    }
    case 'or': {
      const parts = rule.items.map((item) => evaluate(item, profile));
      const value = parts.some((part) => part.value);
      return { value, reasons: parts.filter((part) => part.value === value).flatMap((part) => part.reasons) };
    }
    case 'not': {
      const inner = evaluate(rule.item, profile);
      return { value: !inner.value, reasons: inner.reasons };
    }
    default: {
      const value = test(rule, profile);
      return { value, reasons: [describePredicate(rule, profile, value)] };
    }
  }
}
