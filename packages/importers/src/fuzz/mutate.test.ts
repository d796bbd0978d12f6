import { describe, expect, it } from 'vitest';
import { mutate } from './mutate.ts';

const JSON_DOC = '{"runs":[{"results":[{"ruleId":"a"},{"ruleId":"b"}]}],"version":"2.1.0"}';

describe('fuzz mutations', () => {
  it('edits JSON structurally and keeps it JSON, duplicate keys included', () => {
    // Containers depth first: 0 the document, 1 runs, 2 runs[0], 3 results, 4 and 5 the results.
    const deleted = mutate(JSON_DOC, { kind: 'json', op: 'delete-item', pick: 3, value: null });
    expect(JSON.parse(deleted)).toEqual({ runs: [{ results: [{ ruleId: 'a' }] }], version: '2.1.0' });
    const duplicated = mutate(JSON_DOC, { kind: 'json', op: 'duplicate-key', pick: 0, value: 7 });
    expect(duplicated.match(/"runs":/g)).toHaveLength(2);
    expect(JSON.parse(duplicated)).toMatchObject({ runs: 7 });
    const retyped = mutate(JSON_DOC, { kind: 'json', op: 'retype', pick: 0, value: null });
    expect(JSON.parse(retyped)).toEqual({
      runs: { results: [{ ruleId: 'a' }, { ruleId: 'b' }] },
      version: '2.1.0',
    });
    expect(mutate('not json', { kind: 'json', op: 'replace', pick: 0, value: 1 })).toBe('not json');
  });

  it('edits XML tags and adds entity declarations', () => {
    const xml = '<a><b x="1">t</b></a>';
    expect(mutate(xml, { kind: 'xml', op: 'drop-tag', pick: 1, text: '' })).toBe('<a>t</b></a>');
    expect(mutate(xml, { kind: 'xml', op: 'duplicate-element', pick: 1, text: '' })).toBe(
      '<a><b x="1">t</b><b x="1">t</b></a>',
    );
    expect(mutate(xml, { kind: 'xml', op: 'attribute', pick: 1, text: '&' })).toBe('<a><b x="&">t</b></a>');
    expect(mutate(xml, { kind: 'xml', op: 'entity', pick: 0, text: 'v' })).toMatch(/<!ENTITY e "v">/);
  });

  it('edits CSV columns and rows', () => {
    const csv = 'a,b,c\n1,2,3';
    expect(mutate(csv, { kind: 'csv', op: 'drop-column', pick: 1, other: 0 })).toBe('a,c\n1,3');
    expect(mutate(csv, { kind: 'csv', op: 'swap-columns', pick: 0, other: 2 })).toBe('c,b,a\n3,2,1');
    expect(mutate(csv, { kind: 'csv', op: 'drop-header', pick: 0, other: 0 })).toBe('1,2,3');
    expect(mutate(csv, { kind: 'csv', op: 'ragged-row', pick: 1, other: 0 })).toBe('a,b,c\n,1,2,3');
  });

  it('flips, truncates, inserts, deletes and duplicates within bounds', () => {
    expect(mutate('abc', { kind: 'truncate', at: 2 })).toBe('ab');
    expect(mutate('abc', { kind: 'flip', at: 4, byte: 0x7a })).toBe('azc');
    expect(mutate('abc', { kind: 'insert', at: 1, text: '<' })).toBe('a<bc');
    expect(mutate('abcdef', { kind: 'delete', at: 1, length: 2 })).toBe('adef');
    expect(mutate('abc', { kind: 'duplicate', from: 0, length: 2, to: 3 })).toBe('abcab');
  });
});
