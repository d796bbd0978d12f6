// The findings table's state lives in the address (`?severity=high,critical&sort=-cvss&page=2`), so a filtered
// view can be linked to, reloaded and navigated back to.

export const FINDING_SORT_COLUMNS = ['severity', 'cvss', 'title', 'tool', 'status', 'lastSeen'] as const;
export type FindingSortColumn = (typeof FINDING_SORT_COLUMNS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

export interface FindingsQuery {
  readonly tool: string;
  readonly severity: readonly string[];
  readonly auditType: readonly string[];
  readonly status: readonly string[];
  /** An asset id, or an asset key for findings without an asset row. */
  readonly asset: string;
  readonly sort: { readonly column: FindingSortColumn; readonly descending: boolean };
  readonly page: number;
  readonly pageSize: number;
}

/** Most severe first: what an auditor triages. */
export const DEFAULT_SORT = { column: 'severity', descending: true } as const;

function positive(text: string | null, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

const list = (text: string | null) => (text ?? '').split(',').filter((v) => v !== '');

/** Reads the table's state from the address; unknown or malformed values fall back to the defaults. */
export function readFindingsQuery(params: URLSearchParams): FindingsQuery {
  const sortText = params.get('sort') ?? '';
  const column = sortText.replace(/^-/, '');
  const sort = (FINDING_SORT_COLUMNS as readonly string[]).includes(column)
    ? { column: column as FindingSortColumn, descending: sortText.startsWith('-') }
    : DEFAULT_SORT;
  const pageSize = positive(params.get('pageSize'), 50);
  return {
    tool: params.get('tool') ?? '',
    severity: list(params.get('severity')),
    auditType: list(params.get('auditType')),
    status: list(params.get('status')),
    asset: params.get('asset') ?? '',
    sort,
    page: positive(params.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 50,
  };
}

const sortText = (sort: FindingsQuery['sort']) => `${sort.descending ? '-' : ''}${sort.column}`;

/**
 * Writes the state back into `params` (other parameters, such as the open finding, are kept); defaults are left
 * out so the plain address stays plain.
 */
export function writeFindingsQuery(params: URLSearchParams, q: FindingsQuery): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string, fallback: string) => {
    if (value === fallback) next.delete(key);
    else next.set(key, value);
  };
  set('tool', q.tool, '');
  set('severity', q.severity.join(','), '');
  set('auditType', q.auditType.join(','), '');
  set('status', q.status.join(','), '');
  set('asset', q.asset, '');
  set('sort', sortText(q.sort), sortText(DEFAULT_SORT));
  set('page', String(q.page), '1');
  set('pageSize', String(q.pageSize), '50');
  return next;
}

/** The server's query parameters for one page (`GET …/findings`). */
export function serverQuery(q: FindingsQuery): Record<string, string | number | undefined> {
  const optional = (value: string) => (value === '' ? undefined : value);
  return {
    tool: optional(q.tool),
    severity: optional(q.severity.join(',')),
    auditType: optional(q.auditType.join(',')),
    status: optional(q.status.join(',')),
    asset: optional(q.asset),
    sort: sortText(q.sort),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Clicking a column header: the same column flips its direction, another starts at its natural one. */
export function toggleSort(current: FindingsQuery['sort'], column: FindingSortColumn): FindingsQuery['sort'] {
  if (current.column === column) return { column, descending: !current.descending };
  // Severity, score and recency read best largest first; words read best A to Z.
  return { column, descending: column === 'severity' || column === 'cvss' || column === 'lastSeen' };
}

/** Number of pages for `total` rows (at least one, so "page 1 of 1" shows for an empty result). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** True when any filter is set (the sort and paging are not filters). */
export function hasFilters(q: FindingsQuery): boolean {
  return (
    q.tool !== '' || q.asset !== '' || q.severity.length > 0 || q.auditType.length > 0 || q.status.length > 0
  );
}
