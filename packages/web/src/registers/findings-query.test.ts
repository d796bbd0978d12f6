import { describe, expect, it } from 'vitest';
import {
  hasFilters,
  pageCount,
  readFindingsQuery,
  serverQuery,
  toggleSort,
  writeFindingsQuery,
} from './findings-query.ts';

describe('findings query in the address', () => {
  it('reads defaults from an empty address', () => {
    const q = readFindingsQuery(new URLSearchParams());
    expect(q).toEqual({
      tool: '',
      severity: [],
      auditType: [],
      status: [],
      asset: '',
      sort: { column: 'severity', descending: true },
      page: 1,
      pageSize: 50,
    });
    expect(hasFilters(q)).toBe(false);
    expect(writeFindingsQuery(new URLSearchParams(), q).toString()).toBe('');
  });

  it('reads filters, sort and paging, and writes them back keeping other parameters', () => {
    const params = new URLSearchParams(
      'severity=high,critical&tool=trivy&sort=title&page=3&pageSize=25&finding=f1',
    );
    const q = readFindingsQuery(params);
    expect(q.severity).toEqual(['high', 'critical']);
    expect(q.sort).toEqual({ column: 'title', descending: false });
    expect(q.page).toBe(3);
    expect(hasFilters(q)).toBe(true);
    const written = writeFindingsQuery(params, { ...q, tool: '', page: 1 });
    expect(written.get('finding')).toBe('f1');
    expect(written.get('tool')).toBe(null);
    expect(written.get('page')).toBe(null);
    expect(written.get('severity')).toBe('high,critical');
    expect(written.get('sort')).toBe('title');
  });

  it('falls back on malformed values', () => {
    const q = readFindingsQuery(new URLSearchParams('sort=-colour&page=-2&pageSize=7'));
    expect(q.sort).toEqual({ column: 'severity', descending: true });
    expect(q.page).toBe(1);
    expect(q.pageSize).toBe(50);
  });

  it('builds the server query with only the filters set', () => {
    const q = readFindingsQuery(new URLSearchParams('status=open,accepted&sort=-cvss&page=2'));
    expect(serverQuery(q)).toEqual({
      tool: undefined,
      severity: undefined,
      auditType: undefined,
      status: 'open,accepted',
      asset: undefined,
      sort: '-cvss',
      page: 2,
      pageSize: 50,
    });
  });
});

describe('toggleSort and pageCount', () => {
  it('flips the current column and starts a new one at its natural direction', () => {
    expect(toggleSort({ column: 'severity', descending: true }, 'severity')).toEqual({
      column: 'severity',
      descending: false,
    });
    expect(toggleSort({ column: 'severity', descending: true }, 'title')).toEqual({
      column: 'title',
      descending: false,
    });
    expect(toggleSort({ column: 'title', descending: false }, 'cvss')).toEqual({
      column: 'cvss',
      descending: true,
    });
  });

  it('counts pages, at least one', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
  });
});
