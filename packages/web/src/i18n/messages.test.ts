import { describe, expect, it } from 'vitest';
import { en, format, fr } from './messages.ts';

describe('messages', () => {
  it('has a French string for every English key, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(fr[key].trim(), key).not.toBe('');
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{shown} of {total}', { shown: 2, total: 5 })).toBe('2 of 5');
    expect(format('Hello {name}')).toBe('Hello {name}');
  });
});
