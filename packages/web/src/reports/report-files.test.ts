import { FORMATS } from '@mica-audit/report';
import { describe, expect, it } from 'vitest';
import {
  issuedReportId,
  manifestRows,
  pdfOf,
  REPORT_FORMATS,
  reportFileUrl,
  toggleFormat,
  type IssuedReport,
} from './report-files.ts';

const report = (files: IssuedReport['files']): IssuedReport => ({
  id: 'r1',
  engagementId: 'e1',
  jobId: 'j1',
  lang: 'en',
  reportVersion: '1',
  auditLogHead: 'a'.repeat(64),
  issuedBy: 'u1',
  createdAt: '2026-11-22T10:00:00Z',
  files,
});
const pdf = {
  file: 'e1-report-en.pdf',
  format: 'pdf',
  sha256: 'b'.repeat(64),
  size: 10,
  mediaType: 'application/pdf',
};
const json = {
  file: 'e1-export.json',
  format: 'json',
  sha256: 'c'.repeat(64),
  size: 5,
  mediaType: 'application/json',
};

describe('report files', () => {
  it('offers exactly the formats the report package renders', () => {
    expect([...REPORT_FORMATS].sort()).toEqual([...FORMATS].sort());
  });

  it('builds download and inline addresses, escaping names', () => {
    expect(reportFileUrl('/api/x/reports', 'r 1', 'a b#.pdf')).toBe(
      '/api/x/reports/r%201/files/a%20b%23.pdf',
    );
    expect(reportFileUrl('/api/x/reports', 'r1', 'a.pdf', 'inline')).toBe(
      '/api/x/reports/r1/files/a.pdf?disposition=inline',
    );
  });

  it('finds the PDF of a report, if any', () => {
    expect(pdfOf(report([json, pdf]))?.file).toBe('e1-report-en.pdf');
    expect(pdfOf(report([json]))).toBeUndefined();
  });

  it('joins the manifest entries with the format of each file, keeping the manifest order', () => {
    const manifest = {
      manifestVersion: 1 as const,
      engagementId: 'e1',
      reportVersion: '1',
      issuedOn: '2026-11-22',
      auditLogHead: 'a'.repeat(64),
      files: [
        { file: json.file, sha256: json.sha256, size: 5 },
        { file: 'unknown.bin', sha256: 'd'.repeat(64), size: 1 },
      ],
    };
    expect(manifestRows(manifest, [pdf, json])).toEqual([
      { file: json.file, sha256: json.sha256, size: 5, format: 'json', mediaType: 'application/json' },
      { file: 'unknown.bin', sha256: 'd'.repeat(64), size: 1, format: undefined, mediaType: undefined },
    ]);
  });

  it('reads the report id of a finished job', () => {
    expect(issuedReportId({ reportId: 'r9', reportVersion: '2', files: [] })).toBe('r9');
    expect(() => issuedReportId(null)).toThrow('without naming the report');
    expect(() => issuedReportId({ reportId: 3 })).toThrow('without naming the report');
  });

  it('keeps ticked formats in the offered order', () => {
    let chosen = toggleFormat([], 'xlsx', true);
    chosen = toggleFormat(chosen, 'pdf', true);
    chosen = toggleFormat(chosen, 'pdf', true);
    expect(chosen).toEqual(['pdf', 'xlsx']);
    expect(toggleFormat(chosen, 'pdf', false)).toEqual(['xlsx']);
  });
});
