import { describe, expect, it } from 'vitest';
import { fieldOf, parseFieldError } from './field-errors.ts';

describe('parseFieldError', () => {
  it('splits a zod issue and a domain error into path and text', () => {
    expect(parseFieldError('acceptance.by: required: who signed the acceptance')).toEqual({
      path: 'acceptance.by',
      message: 'required: who signed the acceptance',
    });
    expect(
      parseFieldError('vulnerabilities[0].findingIds[1]: finding x is not in this engagement; use an id'),
    ).toEqual({
      path: 'vulnerabilities[0].findingIds[1]',
      message: 'finding x is not in this engagement; use an id',
    });
  });

  it('finds no path in a message that does not start with one', () => {
    expect(parseFieldError('risk r1 was changed by someone else')).toBe(undefined);
    expect(parseFieldError('internal error: the server log has the details')).toBe(undefined);
    expect(parseFieldError('Something: ')).toBe(undefined);
  });
});

describe('fieldOf', () => {
  const fields = [
    'title',
    'acceptance',
    'acceptance.by',
    'vulnerabilities[0].findingIds',
    'vulnerabilities[0].description',
    'residual',
  ];
  it('picks the field itself or its closest parent', () => {
    expect(fieldOf({ path: 'acceptance.by', message: '' }, fields)).toBe('acceptance.by');
    expect(fieldOf({ path: 'acceptance', message: '' }, fields)).toBe('acceptance');
    expect(fieldOf({ path: 'acceptance.rationale', message: '' }, fields)).toBe('acceptance');
    expect(fieldOf({ path: 'vulnerabilities[0].findingIds[1]', message: '' }, fields)).toBe(
      'vulnerabilities[0].findingIds',
    );
    expect(fieldOf({ path: 'residual.likelihood', message: '' }, fields)).toBe('residual');
  });

  it('does not match a field that only shares a prefix of its name', () => {
    expect(fieldOf({ path: 'titles', message: '' }, fields)).toBe(undefined);
    expect(fieldOf({ path: 'impact', message: '' }, fields)).toBe(undefined);
  });
});
