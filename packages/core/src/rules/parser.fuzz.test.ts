import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, withinLimit } from '../../test/fuzz.ts';
import { DomainError } from '../errors.ts';
import { formatRule } from './format-rule.ts';
import { parseRule } from './parser.ts';

const WORDS = [
  'service',
  'in',
  '[',
  ']',
  ',',
  'custody',
  'transfer',
  'and',
  'or',
  'not',
  '(',
  ')',
  'legalStatus',
  '==',
  '!=',
  'casp',
  'facts.activeUsersEU',
  '>=',
  '15000000',
  'facts.holdsClientFunds',
  'issuance',
  'has',
  'emt',
  'true',
  'memberState',
  'FR',
  '#',
  '"',
];

function onlyTypedErrors(source: string): void {
  try {
    const rule = withinLimit(() => parseRule(source));
    expect(parseRule(formatRule(rule))).toEqual(rule);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'rule.syntax') throw error;
  }
}

describe('fuzz: applicability rule parser', () => {
  it('any text parses to a rule that prints back, or fails with rule.syntax', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), onlyTypedErrors), { numRuns: FUZZ_RUNS });
  });

  it('token soup from the grammar parses or fails with rule.syntax', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }), (words) =>
        onlyTypedErrors(words.join(' ')),
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('deep nesting does not overflow the stack or hang', () => {
    onlyTypedErrors(`${'('.repeat(2_000)}true${')'.repeat(2_000)}`);
    onlyTypedErrors(`${'not '.repeat(2_000)}true`);
  });
});
