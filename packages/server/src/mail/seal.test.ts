import { describe, expect, it } from 'vitest';
import { seal, sealKey, unseal } from './seal.ts';

describe('sealed invitation tokens', () => {
  const key = sealKey('x'.repeat(40));

  it('opens what it sealed, and never shows the token in the sealed form', () => {
    const sealed = seal(key, 'mica_inv_secret-token');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('secret-token');
    expect(unseal(key, sealed)).toBe('mica_inv_secret-token');
    expect(seal(key, 'mica_inv_secret-token')).not.toBe(sealed);
  });

  it('refuses another secret and altered text', () => {
    const sealed = seal(key, 'mica_inv_t');
    expect(() => unseal(sealKey('y'.repeat(40)), sealed)).toThrow('auth secret');
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => unseal(key, altered)).toThrow();
    expect(() => unseal(key, 'garbage')).toThrow('unknown format');
  });
});
