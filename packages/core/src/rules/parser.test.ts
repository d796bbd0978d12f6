import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { formatRule } from './format-rule.ts';
import { parseRule } from './parser.ts';

describe('parseRule', () => {
  it('parses every predicate of the grammar', () => {
    expect(parseRule('service in [custody, transfer]')).toEqual({
      kind: 'service',
      values: ['custody', 'transfer'],
    });
    expect(parseRule('service == custody')).toEqual({ kind: 'service', values: ['custody'] });
    expect(parseRule('issuance has emt')).toEqual({ kind: 'issuance', values: ['emt'] });
    expect(parseRule('legalStatus == casp')).toEqual({
      kind: 'legalStatus',
      negated: false,
      values: ['casp'],
    });
    expect(parseRule('legalStatus != casp')).toEqual({
      kind: 'legalStatus',
      negated: true,
      values: ['casp'],
    });
    expect(parseRule('memberState in [FR, DE]')).toEqual({
      kind: 'memberState',
      negated: false,
      values: ['FR', 'DE'],
    });
    expect(parseRule('facts.holdsClientFunds')).toEqual({ kind: 'factFlag', fact: 'holdsClientFunds' });
    expect(parseRule('facts.activeUsersEU >= 15000000')).toEqual({
      kind: 'factCompare',
      fact: 'activeUsersEU',
      op: '>=',
      value: 15_000_000,
    });
    expect(parseRule('facts.activeUsersEU >= 15_000_000')).toEqual({
      kind: 'factCompare',
      fact: 'activeUsersEU',
      op: '>=',
      value: 15_000_000,
    });
  });

  it('gives "and" precedence over "or" and honours parentheses and "not"', () => {
    const rule = parseRule('service == custody or service == transfer and not facts.holdsClientFunds');
    expect(rule).toEqual({
      kind: 'or',
      items: [
        { kind: 'service', values: ['custody'] },
        {
          kind: 'and',
          items: [
            { kind: 'service', values: ['transfer'] },
            { kind: 'not', item: { kind: 'factFlag', fact: 'holdsClientFunds' } },
          ],
        },
      ],
    });
    expect(parseRule('(service == custody or service == transfer) and true').kind).toBe('and');
  });

  it.each([
    ['service in [custodi]', 'unknown service key "custodi"'],
    ['legalStatus == bank', 'unknown legal status "bank"'],
    ['issuance has stablecoin', 'unknown issuance role "stablecoin"'],
    ['facts.userCount >= 3', 'unknown fact "userCount"'],
    ['facts.activeUsersEU', 'is a number'],
    ['facts.holdsClientFunds >= 1', 'is true or false'],
    ['service in [custody', 'unclosed "["'],
    ['(service == custody', 'unclosed "("'],
    ['service == custody and', 'expected a condition'],
    ['service custody', 'expected in or == or has'],
    ['revenue > 3', 'unknown condition "revenue"'],
    ['service == custody # x', 'unexpected character "#"'],
  ])('rejects %j with a message naming the problem', (source, message) => {
    expect(() => parseRule(source)).toThrow(DomainError);
    expect(() => parseRule(source)).toThrow(message);
  });

  it('prints rules back in a form that parses to the same rule', () => {
    for (const source of [
      'service in [custody, transfer] and legalStatus != casp',
      '(issuance has art or issuance has emt) and not facts.significantToken',
      'not (facts.activeUsersEU < 15000000 or memberState == FR)',
    ]) {
      const rule = parseRule(source);
      expect(parseRule(formatRule(rule))).toEqual(rule);
    }
  });
});
