import { DomainError } from '../errors.ts';

export type TokenKind = 'word' | 'number' | 'op' | '(' | ')' | '[' | ']' | ',' | 'end';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** 1-based column in the rule text, for error messages. */
  readonly column: number;
}

const WORD = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const NUMBER = /[0-9][0-9_]*(?:\.[0-9]+)?/y;
const OPERATORS = ['>=', '<=', '==', '!=', '>', '<'] as const;

/** Splits a rule into tokens; throws `rule.syntax` naming the column of an unexpected character. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === '[' || ch === ']' || ch === ',') {
      tokens.push({ kind: ch, text: ch, column: i + 1 });
      i++;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (op !== undefined) {
      tokens.push({ kind: 'op', text: op, column: i + 1 });
      i += op.length;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(source);
    if (number !== null) {
      tokens.push({ kind: 'number', text: number[0].replaceAll('_', ''), column: i + 1 });
      i += number[0].length;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(source);
    if (word !== null) {
      tokens.push({ kind: 'word', text: word[0], column: i + 1 });
      i += word[0].length;
      continue;
    }
    throw new DomainError('rule.syntax', `unexpected character ${JSON.stringify(ch)} at column ${i + 1}`);
  }
  tokens.push({ kind: 'end', text: '', column: source.length + 1 });
  return tokens;
}
