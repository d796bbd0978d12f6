import { describe, expect, it } from 'vitest';
import { compareTitleKeys, romanValue, titleKey, titleOf } from './titles.ts';

describe('titleOf', () => {
  it('places MiCA articles in their title', () => {
    expect(titleOf('MiCA', '75')).toEqual({ kind: 'title', ref: 'V' });
    expect(titleOf('MiCA', '4')).toEqual({ kind: 'title', ref: 'II' });
    expect(titleOf('MiCA', '47')).toEqual({ kind: 'title', ref: 'III' });
  });
  it('places DORA and TFR articles in their chapter', () => {
    expect(titleOf('DORA', '5')).toEqual({ kind: 'chapter', ref: 'II' });
    expect(titleOf('DORA', '28')).toEqual({ kind: 'chapter', ref: 'V' });
    expect(titleOf('TFR', '14')).toEqual({ kind: 'chapter', ref: 'III' });
  });
  it('reads the chapter of dotted PASSI articles and keeps annexes apart', () => {
    expect(titleOf('PASSI', 'II.5')).toEqual({ kind: 'chapter', ref: 'II' });
    expect(titleOf('MiCA', 'Annex IV')).toEqual({ kind: 'annex', ref: 'IV' });
    expect(titleKey(titleOf('MiCA', 'Annex IV'))).toBe('Annex IV');
  });
  it('falls back to other for unknown regulations', () => {
    expect(titleOf('XYZ', '3')).toEqual({ kind: 'other', ref: '' });
    expect(titleKey(titleOf('XYZ', '3'))).toBe('-');
  });
});

describe('title order', () => {
  it('reads Roman numerals', () => {
    expect(['I', 'IV', 'V', 'IX', 'XIV', 'x'].map(romanValue)).toEqual([1, 4, 5, 9, 14, 0]);
  });
  it('puts MiCA first, titles in legal order, annexes after titles', () => {
    const keys = ['DORA:II', 'MiCA:Annex IV', 'MiCA:V', 'MiCA:II', 'TFR:III', 'MiCA:IX', 'DORA:-'];
    expect(keys.sort(compareTitleKeys)).toEqual([
      'MiCA:II',
      'MiCA:V',
      'MiCA:IX',
      'MiCA:Annex IV',
      'DORA:II',
      'DORA:-',
      'TFR:III',
    ]);
  });
});
