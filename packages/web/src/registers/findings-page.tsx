import { useCallback } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, query } from '../api/client.ts';
import type { Engagement, Page } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { Status, useLoad } from '../shell/async.tsx';
import { EngagementNav } from '../shell/engagement-nav.tsx';
import { FindingDrawer } from './finding-drawer.tsx';
import { FindingsFilters, useFindingLabel } from './findings-filters.tsx';
import {
  PAGE_SIZES,
  pageCount,
  readFindingsQuery,
  serverQuery,
  toggleSort,
  writeFindingsQuery,
  type FindingSortColumn,
  type FindingsQuery,
} from './findings-query.ts';
import { withParams } from './query-params.ts';
import type { FindingFacets, FindingView } from './types.ts';
import { engagementPath } from './use-register.ts';
import './registers.css';

const COLUMNS: readonly [FindingSortColumn | undefined, MessageKey][] = [
  ['title', 'findings.finding'],
  ['severity', 'findings.severity'],
  ['cvss', 'findingsTable.cvss'],
  ['tool', 'findings.tool'],
  [undefined, 'findings.asset'],
  ['status', 'findings.status'],
  ['lastSeen', 'findingsTable.lastSeen'],
  [undefined, 'findingsTable.requirements'],
];

/** Technical findings: filtered, sorted and paged by the server; a finding opens in a drawer (`?finding=`). */
export function FindingsPage() {
  const { t, number, date } = useI18n();
  const label = useFindingLabel();
  const { organisationId = '', engagementId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const base = engagementPath(organisationId, engagementId);
  const q = readFindingsQuery(params);
  const serverParams = query(serverQuery(q));
  const [engagement] = useLoad((signal) => api<Engagement>('GET', base, { signal }), [base]);
  const [facets, reloadFacets] = useLoad(
    (signal) => api<FindingFacets>('GET', `${base}/findings/facets`, { signal }),
    [base],
  );
  const [page, reloadPage] = useLoad(
    (signal) => api<Page<FindingView>>('GET', `${base}/findings${serverParams}`, { signal }),
    [base, serverParams],
  );
  const setQuery = (next: FindingsQuery) => setParams(writeFindingsQuery(params, next));
  const openId = params.get('finding');
  const open = (id: string | null) => setParams(withParams(params, { finding: id ?? undefined }));
  const changed = useCallback(() => {
    reloadPage();
    reloadFacets();
  }, [reloadPage, reloadFacets]);

  if (engagement.kind !== 'ok') return <Status state={engagement} />;
  const pages = page.kind === 'ok' ? pageCount(page.value.total, q.pageSize) : 1;
  const assetLabel = new Map(
    (facets.kind === 'ok' ? facets.value.assets : []).map((a) => [a.value, a.label]),
  );
  return (
    <div>
      <EngagementNav engagement={engagement.value} />
      <div className="page-head">
        <h2>{t('findings.title')}</h2>
        <Link className="button" to="import">
          {t('imports.open')}
        </Link>
      </div>
      <FindingsFilters
        facets={facets.kind === 'ok' ? facets.value : undefined}
        value={q}
        total={page.kind === 'ok' ? page.value.total : undefined}
        onChange={setQuery}
      />
      {page.kind !== 'ok' ? (
        <Status state={page} onRetry={reloadPage} />
      ) : page.value.items.length === 0 ? (
        <p className="muted">{t('findings.empty')}</p>
      ) : (
        <table className="table findings-table">
          <caption className="sr-only">{t('findingsTable.caption')}</caption>
          <thead>
            <tr>
              {COLUMNS.map(([column, key]) => (
                <th
                  key={key}
                  scope="col"
                  aria-sort={
                    column !== undefined && q.sort.column === column
                      ? q.sort.descending
                        ? 'descending'
                        : 'ascending'
                      : undefined
                  }
                >
                  {column === undefined ? (
                    t(key)
                  ) : (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => setQuery({ ...q, sort: toggleSort(q.sort, column), page: 1 })}
                    >
                      {t(key)}
                      <span aria-hidden="true">
                        {q.sort.column === column ? (q.sort.descending ? ' ▼' : ' ▲') : ''}
                      </span>
                    </button>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.value.items.map((f) => (
              <tr key={f.id} className={f.id === openId ? 'selected-row' : undefined}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => open(f.id)}>
                    {f.title}
                  </button>
                </th>
                <td>
                  <span className={`severity severity-${f.severity}`}>{label('severity', f.severity)}</span>
                </td>
                <td>{f.cvss === null ? '–' : number(f.cvss, 1)}</td>
                <td>{f.tool}</td>
                <td>{assetLabel.get(f.assetId ?? '') ?? f.asset ?? '–'}</td>
                <td>{label('status', f.status)}</td>
                <td>{date(f.lastSeen)}</td>
                <td>{number(f.requirementUrns.length)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label={t('findingsTable.pages')}>
        <button type="button" disabled={q.page <= 1} onClick={() => setQuery({ ...q, page: q.page - 1 })}>
          {t('findingsTable.previous')}
        </button>
        <span>{t('findingsTable.page', { page: number(q.page), pages: number(pages) })}</span>
        <button type="button" disabled={q.page >= pages} onClick={() => setQuery({ ...q, page: q.page + 1 })}>
          {t('findingsTable.next')}
        </button>
        <label className="inline-field">
          <span>{t('findingsTable.pageSize')}</span>
          <select
            value={q.pageSize}
            onChange={(e) => setQuery({ ...q, pageSize: Number(e.target.value), page: 1 })}
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </nav>
      {openId !== null && (
        <FindingDrawer
          key={openId}
          engagement={engagement.value}
          findingId={openId}
          assetLabel={assetLabel}
          onClose={() => open(null)}
          onChanged={changed}
        />
      )}
    </div>
  );
}
