import { describe, expect, it } from 'vitest';
import {
  addFiles,
  detectionProblem,
  fileNamed,
  problemOf,
  readDetection,
  readImportResult,
  readImportStart,
  readyToImport,
  totals,
  updateEntry,
  withoutFileName,
  type Entry,
} from './import-files.ts';

const file = (name: string, size = 10) => ({ name, size });
const imported = (file: string, counts: Readonly<Record<string, number | string>> = {}) => ({
  file,
  format: 'sarif',
  tool: 'Semgrep',
  findings: 3,
  new: 3,
  updated: 0,
  fixed: 0,
  assets: 1,
  importId: `imp-${file}`,
  sha256: 'a'.repeat(64),
  ...counts,
});

describe('addFiles', () => {
  it('appends new files, being checked, and reports names already listed', () => {
    const first = addFiles([], [file('scan.sarif'), file('hosts.xml')]);
    expect(first.entries.map((e) => [e.name, e.checking])).toEqual([
      ['scan.sarif', true],
      ['hosts.xml', true],
    ]);
    const second = addFiles(first.entries, [file('hosts.xml', 99), file('zap.json'), file('zap.json')]);
    expect(second.entries.map((e) => e.name)).toEqual(['scan.sarif', 'hosts.xml', 'zap.json']);
    expect(second.duplicates).toEqual(['hosts.xml', 'zap.json']);
    expect(second.entries[1]?.size).toBe(10);
  });
});

describe('readyToImport', () => {
  const entry = (change: Partial<Entry<unknown>>): Entry<unknown> => ({
    name: 'a',
    size: 1,
    file: null,
    checking: false,
    ...change,
  });
  it('waits for every file to be checked and refuses any file with a problem', () => {
    expect(readyToImport([])).toBe(false);
    expect(readyToImport([entry({}), entry({ checking: true })])).toBe(false);
    expect(readyToImport([entry({ problem: { kind: 'malformed', message: 'line 3' } })])).toBe(false);
    // A server without the detect route leaves files undetected: the import itself still validates them.
    expect(readyToImport([entry({}), entry({ name: 'b' })])).toBe(true);
  });

  it('updates the entry of one file object, not another file of the same name', () => {
    const first = { id: 1 };
    const again = { id: 2 };
    const list = [entry({ name: 'a', file: first, checking: true }), entry({ name: 'b', checking: true })];
    expect(updateEntry(list, first, { checking: false }).map((e) => e.checking)).toEqual([false, true]);
    expect(updateEntry(list, again, { checking: false })).toEqual(list);
  });
});

describe('problems', () => {
  it('sorts server errors into kinds, 413 always being too large', () => {
    expect(problemOf({ status: 400, code: 'import.unknown_format', message: 'm' }).kind).toBe(
      'unknown-format',
    );
    expect(problemOf({ status: 400, code: 'import.malformed', message: 'line 3' })).toEqual({
      kind: 'malformed',
      message: 'line 3',
    });
    expect(problemOf({ status: 413, code: 'request.too_large', message: 'm' }).kind).toBe('too-large');
    expect(problemOf({ status: 413, code: 'http.413', message: 'm' }).kind).toBe('too-large');
    expect(problemOf({ status: 400, code: 'import.xml_entities', message: 'm' }).kind).toBe('unsafe-xml');
    expect(problemOf({ status: 500, code: 'internal', message: 'm' }).kind).toBe('other');
  });

  it('finds the file a message names, preferring the longest name', () => {
    const names = ['a.xml', 'a.xml.bak', 'scan.sarif'];
    expect(fileNamed('a.xml.bak: line 2: unclosed tag', names)).toBe('a.xml.bak');
    expect(fileNamed('a.xml: line 2: unclosed tag', names)).toBe('a.xml');
    expect(fileNamed('the upload exceeds the import limit', names)).toBeUndefined();
    expect(withoutFileName('scan.sarif: $.runs[0] (offset 12): expected an array', 'scan.sarif')).toBe(
      '$.runs[0] (offset 12): expected an array',
    );
    expect(withoutFileName('no prefix', 'scan.sarif')).toBe('no prefix');
  });

  it('turns the errors of a file the dry run could not read into a problem', () => {
    // The server's answer for such a file: no format, no tool, the importer's message.
    const detection = readDetection(
      [{ file: 'x.sarif', format: null, tool: null, findings: 0, assets: 0, errors: ['line 3: bad'] }],
      'x.sarif',
    );
    expect(detection).toMatchObject({ format: '', tool: '' });
    expect(detectionProblem(detection)).toEqual({ kind: 'other', message: 'line 3: bad' });
    expect(detectionProblem({ ...detection, errors: [] })).toBeUndefined();
  });
});

describe('server answers', () => {
  it('reads the detection of the file sent, tolerating a missing count', () => {
    const body = [
      { file: 'other.xml', format: 'nmap', tool: 'Nmap', findings: 1, assets: 1, errors: [] },
      { file: 'scan.sarif', format: 'sarif', tool: 'Semgrep', findings: 4, errors: [] },
    ];
    expect(readDetection(body, 'scan.sarif')).toEqual({
      file: 'scan.sarif',
      format: 'sarif',
      tool: 'Semgrep',
      findings: 4,
      assets: 0,
      errors: [],
    });
    // A server that renamed the part still answers for the one file sent.
    expect(readDetection([body[1]], 'renamed.sarif').tool).toBe('Semgrep');
    expect(() => readDetection(body, 'missing.json')).toThrow('does not mention missing.json');
  });

  it('tells a job (202) from the older synchronous answer (200)', () => {
    expect(readImportStart(202, { jobId: 'j1', files: [{ file: 'a', sha256: 'x', size: 1 }] })).toEqual({
      kind: 'job',
      jobId: 'j1',
    });
    const sync = readImportStart(200, [imported('a.sarif')]);
    expect(sync.kind).toBe('done');
    expect(sync.kind === 'done' && sync.files[0]?.importId).toBe('imp-a.sarif');
    expect(() => readImportStart(200, { ok: true })).toThrow('neither a job nor a list of files');
  });

  it('reads the files of a finished job and sums them', () => {
    const files = readImportResult({
      files: [imported('a.sarif'), imported('hosts.xml', { tool: 'Nmap', new: 1, updated: 2, fixed: 4 })],
    });
    expect(files.map((f) => f.tool)).toEqual(['Semgrep', 'Nmap']);
    expect(totals(files)).toEqual({ files: 2, findings: 6, new: 4, updated: 2, fixed: 4, assets: 2 });
    expect(() => readImportResult({ reportId: 'r' })).toThrow('without the list of imported files');
  });
});
