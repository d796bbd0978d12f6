import { useI18n } from '../i18n/i18n.tsx';
import { MESSAGES, type MessageKey } from '../i18n/messages.ts';
import { hasFilters, type FindingsQuery } from './findings-query.ts';
import type { FacetValue, FindingFacets } from './types.ts';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];

/** A translated label for a severity, status or audit type; the raw value when the table has none. */
export function useFindingLabel() {
  const { t } = useI18n();
  return (group: 'severity' | 'status' | 'auditType', value: string) => {
    const key = `findingsTable.${group}.${value}` as MessageKey;
    return key in MESSAGES.en ? t(key) : value;
  };
}

/** Filters of the findings table: tool, severity, audit type, asset and status, with how many findings each has. */
export function FindingsFilters({
  facets,
  value,
  total,
  onChange,
}: {
  readonly facets: FindingFacets | undefined;
  readonly value: FindingsQuery;
  readonly total: number | undefined;
  readonly onChange: (next: FindingsQuery) => void;
}) {
  const { t, number } = useI18n();
  const label = useFindingLabel();
  const change = (patch: Partial<FindingsQuery>) => onChange({ ...value, ...patch, page: 1 });
  const option = (f: FacetValue, text: string) => (
    <option key={f.value} value={f.value}>
      {text} ({number(f.count)})
    </option>
  );
  const checks = (
    group: 'severity' | 'status',
    legend: string,
    values: readonly FacetValue[],
    order: (a: FacetValue, b: FacetValue) => number,
  ) => (
    <fieldset className="filters-row">
      <legend>{legend}</legend>
      {[...values].sort(order).map((f) => (
        <label key={f.value} className="chip">
          <input
            type="checkbox"
            checked={value[group].includes(f.value)}
            onChange={(e) =>
              change({
                [group]: e.target.checked
                  ? [...value[group], f.value]
                  : value[group].filter((v) => v !== f.value),
              })
            }
          />
          {label(group, f.value)} <span className="muted">({number(f.count)})</span>
        </label>
      ))}
    </fieldset>
  );
  return (
    <div className="filters" role="search" aria-label={t('ws.filters')}>
      <div className="filters-row">
        <label className="inline-field">
          <span>{t('findings.tool')}</span>
          <select value={value.tool} onChange={(e) => change({ tool: e.target.value })}>
            <option value="">{t('ws.filter.any')}</option>
            {(facets?.tools ?? []).map((f) => option(f, f.label))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('findingsTable.auditType')}</span>
          <select
            value={value.auditType[0] ?? ''}
            onChange={(e) => change({ auditType: e.target.value === '' ? [] : [e.target.value] })}
          >
            <option value="">{t('ws.filter.any')}</option>
            {(facets?.auditTypes ?? []).map((f) => option(f, label('auditType', f.value)))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('findings.asset')}</span>
          <select value={value.asset} onChange={(e) => change({ asset: e.target.value })}>
            <option value="">{t('ws.filter.any')}</option>
            {(facets?.assets ?? []).map((f) => option(f, f.label))}
          </select>
        </label>
        {hasFilters(value) && (
          <button
            type="button"
            onClick={() => change({ tool: '', severity: [], auditType: [], status: [], asset: '' })}
          >
            {t('ws.filter.clear')}
          </button>
        )}
        <span className="count" role="status">
          {total === undefined
            ? t('app.loading')
            : t('findings.count', { shown: number(total), total: number(facets?.total ?? total) })}
        </span>
      </div>
      {checks(
        'severity',
        t('findings.severity'),
        facets?.severities ?? [],
        (a, b) => SEVERITY_ORDER.indexOf(a.value) - SEVERITY_ORDER.indexOf(b.value),
      )}
      {checks('status', t('findings.status'), facets?.statuses ?? [], (a, b) =>
        a.value.localeCompare(b.value),
      )}
    </div>
  );
}
