import { DomainError } from '../errors.ts';
import { FACTS, isFactName } from '../profile/facts.ts';
import { ISSUANCE_ROLES, LEGAL_STATUSES, MEMBER_STATES, SERVICE_KEYS } from '../profile/vocabulary.ts';
import { tokenize, type Token } from './lexer.ts';
import type { CompareOp, Rule } from './rule.types.ts';

/**
 * Recursive-descent parser for applicability rules (grammar in packages/catalog/FORMAT.md). Type-checking happens
 * while parsing: an unknown service, status, role or fact is an error, never a rule that is silently false.
 */
class Parser {
  private position = 0;
  private readonly tokens: readonly Token[];

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  parse(): Rule {
    const rule = this.orExpr();
    const next = this.peek();
    if (next.kind !== 'end')
      this.fail(next, `unexpected ${JSON.stringify(next.text)}; expected "and", "or" or the end`);
    return rule;
  }

  private peek(): Token {
    return this.tokens[this.position] ?? { kind: 'end', text: '', column: 0 };
  }

  private take(): Token {
    const token = this.peek();
    this.position++;
    return token;
  }

  private fail(token: Token, message: string): never {
    throw new DomainError('rule.syntax', `${message} (column ${token.column})`);
  }

  private isWord(text: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text === text;
  }

  private orExpr(): Rule {
    const items = [this.andExpr()];
    while (this.isWord('or')) {
      this.take();
      items.push(this.andExpr());
    }
    return items.length === 1 ? (items[0] as Rule) : { kind: 'or', items };
  }

  private andExpr(): Rule {
    const items = [this.unary()];
    while (this.isWord('and')) {
      this.take();
      items.push(this.unary());
    }
    return items.length === 1 ? (items[0] as Rule) : { kind: 'and', items };
  }

  private unary(): Rule {
    const token = this.peek();
    if (token.kind === '(') {
      this.take();
      const inner = this.orExpr();
      if (this.take().kind !== ')') this.fail(token, 'unclosed "("');
      return inner;
    }
    if (token.kind !== 'word')
      this.fail(token, `expected a condition, found ${JSON.stringify(token.text || 'the end')}`);
    if (token.text === 'not') {
      this.take();
      return { kind: 'not', item: this.unary() };
    }
    if (token.text === 'true' || token.text === 'false') {
      this.take();
      return { kind: 'const', value: token.text === 'true' };
    }
    return this.predicate();
  }

  private expectOp(allowed: readonly string[], subject: string): string {
    const token = this.take();
    if ((token.kind === 'op' || token.kind === 'word') && allowed.includes(token.text)) return token.text;
    return this.fail(
      token,
      `after ${subject} expected ${allowed.join(' or ')}, found ${JSON.stringify(token.text || 'the end')}`,
    );
  }

  private keys<T extends string>(valid: readonly T[], what: string): T[] {
    const readOne = (): T => {
      const token = this.take();
      if (token.kind !== 'word' || !(valid as readonly string[]).includes(token.text)) {
        this.fail(token, `unknown ${what} ${JSON.stringify(token.text)}; valid values: ${valid.join(', ')}`);
      }
      return token.text as T;
    };
    if (this.peek().kind !== '[') return [readOne()];
    const open = this.take();
    const values = [readOne()];
    while (this.peek().kind === ',') {
      this.take();
      values.push(readOne());
    }
    if (this.take().kind !== ']') this.fail(open, 'unclosed "["');
    return values;
  }

  private predicate(): Rule {
    const subject = this.take();
    switch (subject.text) {
      case 'service':
      case 'services': {
        this.expectOp(['in', '==', 'has'], subject.text);
        return { kind: 'service', values: this.keys(SERVICE_KEYS, 'service key') };
      }
      case 'issuance': {
        this.expectOp(['has', 'in'], 'issuance');
        return { kind: 'issuance', values: this.keys(ISSUANCE_ROLES, 'issuance role') };
      }
      case 'legalStatus': {
        const op = this.expectOp(['==', '!=', 'in'], 'legalStatus');
        return {
          kind: 'legalStatus',
          negated: op === '!=',
          values: this.keys(LEGAL_STATUSES, 'legal status'),
        };
      }
      case 'memberState': {
        const op = this.expectOp(['==', '!=', 'in'], 'memberState');
        return {
          kind: 'memberState',
          negated: op === '!=',
          values: this.keys(MEMBER_STATES, 'member state'),
        };
      }
      default:
        if (subject.text.startsWith('facts.')) return this.fact(subject);
        return this.fail(
          subject,
          `unknown condition ${JSON.stringify(subject.text)}; use service, issuance, legalStatus, memberState or facts.NAME`,
        );
    }
  }

  private fact(subject: Token): Rule {
    const name = subject.text.slice('facts.'.length);
    if (!isFactName(name)) {
      this.fail(
        subject,
        `unknown fact ${JSON.stringify(name)}; valid facts: ${Object.keys(FACTS).join(', ')}`,
      );
    }
    const definition = FACTS[name];
    const next = this.peek();
    if (next.kind !== 'op') {
      if (definition.type !== 'boolean')
        this.fail(subject, `fact ${name} is a number: compare it, e.g. facts.${name} >= 1`);
      return { kind: 'factFlag', fact: name };
    }
    if (definition.type !== 'number')
      this.fail(next, `fact ${name} is true or false: use facts.${name} or not facts.${name}`);
    this.take();
    const value = this.take();
    if (value.kind !== 'number') this.fail(value, `expected a number after ${next.text}`);
    return { kind: 'factCompare', fact: name, op: next.text as CompareOp, value: Number(value.text) };
  }
}

/** Parses and type-checks a rule; throws `rule.syntax` with the column of the first problem. */
export function parseRule(source: string): Rule {
  return new Parser(tokenize(source)).parse();
}
