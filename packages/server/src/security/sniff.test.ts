import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { safeMediaType, sniffing } from './sniff.ts';

const b = (s: string | number[]) => (typeof s === 'string' ? Buffer.from(s, 'latin1') : Buffer.from(s));

describe('safeMediaType', () => {
  it.each([
    ['application/pdf', '%PDF-1.7\n…', 'application/pdf'],
    ['application/pdf', '<html><script>alert(1)</script>', 'application/octet-stream'],
    ['application/pdf', 'MZ\x90\x00 this program cannot be run in DOS mode', 'application/octet-stream'],
    ['text/plain', '\x7fELF\x02\x01', 'application/octet-stream'],
    ['text/plain', '#!/bin/sh\nrm -rf /', 'application/octet-stream'],
    ['text/plain', '  <!DOCTYPE html><p>hi', 'application/octet-stream'],
    ['image/svg+xml', '<svg onload="alert(1)">', 'application/octet-stream'],
    ['text/html', 'plain words', 'application/octet-stream'],
    ['text/csv; charset=utf-8', 'a,b\n1,2\n', 'text/csv'],
    ['application/json', '{"a":"b"}', 'application/json'],
    ['image/png', '\x89PNG\r\n\x1a\n....', 'image/png'],
    ['image/png', 'GIF89a', 'application/octet-stream'],
    [
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'PK\x03\x04\x14\x00',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['application/x-msdownload', 'MZ', 'application/octet-stream'],
  ])('%s with %j → %s', (declared, head, expected) => {
    expect(safeMediaType(declared, b(head))).toBe(expected);
  });

  it('refuses text that is not UTF-8 or holds NUL bytes, but accepts a character cut at the end', () => {
    expect(safeMediaType('text/plain', b([0x61, 0x00, 0x62]))).toBe('application/octet-stream');
    expect(safeMediaType('text/plain', b([0x61, 0xff, 0x62]))).toBe('application/octet-stream');
    expect(safeMediaType('text/plain', Buffer.from('caf\u00e9').subarray(0, 4))).toBe('text/plain');
  });
});

describe('sniffing', () => {
  it('passes every byte through and keeps the first kilobyte', async () => {
    const source = Readable.from([Buffer.from('a'.repeat(700)), Buffer.from('b'.repeat(700))]);
    const sniffer = sniffing(source);
    expect(await text(sniffer.stream)).toBe('a'.repeat(700) + 'b'.repeat(700));
    expect(sniffer.head().toString()).toBe('a'.repeat(700) + 'b'.repeat(324));
  });
});
