import { ASSESSMENT_STATUSES, type AssessmentStatus } from '@mica-audit/core';
import { useDomainLabel, useI18n } from '../i18n/i18n.tsx';
import { NO_FILTERS, type Filters, type GroupBy } from './tree.ts';
import './assign.css';

/** Grouping, search and filters above the tree. */
export function FiltersBar({
  filters,
  onFilters,
  groupBy,
  onGroupBy,
  regulations,
  domains,
  assignees,
  meId,
  shown,
  total,
}: {
  readonly filters: Filters;
  readonly onFilters: (filters: Filters) => void;
  readonly groupBy: GroupBy;
  readonly onGroupBy: (groupBy: GroupBy) => void;
  readonly regulations: readonly string[];
  readonly domains: readonly string[];
  /** The people the assignee filter offers (the team, then former members still holding work). */
  readonly assignees: readonly { readonly userId: string; readonly name: string; readonly inTeam: boolean }[];
  /** The signed-in user, for the "assigned to me" quick filter. */
  readonly meId: string;
  readonly shown: number;
  readonly total: number;
}) {
  const { t } = useI18n();
  const domain = useDomainLabel();
  const toggleStatus = (status: AssessmentStatus, on: boolean) =>
    onFilters({
      ...filters,
      statuses: on ? [...filters.statuses, status] : filters.statuses.filter((s) => s !== status),
    });
  return (
    <div className="filters" role="search" aria-label={t('ws.filters')}>
      <div className="filters-row">
        <label className="inline-field">
          <span>{t('ws.groupBy')}</span>
          <select value={groupBy} onChange={(e) => onGroupBy(e.target.value as GroupBy)}>
            <option value="structure">{t('ws.group.structure')}</option>
            <option value="domain">{t('ws.group.domain')}</option>
          </select>
        </label>
        <label className="inline-field grow">
          <span>{t('ws.filter.search')}</span>
          <input
            type="search"
            value={filters.text}
            onChange={(e) => onFilters({ ...filters, text: e.target.value })}
          />
        </label>
        <label className="inline-field">
          <span>{t('ws.filter.regulation')}</span>
          <select
            value={filters.regulation}
            onChange={(e) => onFilters({ ...filters, regulation: e.target.value })}
          >
            <option value="">{t('ws.filter.any')}</option>
            {regulations.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('ws.filter.domain')}</span>
          <select value={filters.domain} onChange={(e) => onFilters({ ...filters, domain: e.target.value })}>
            <option value="">{t('ws.filter.any')}</option>
            {domains.map((d) => (
              <option key={d} value={d}>
                {domain(d)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('ws.filter.evidence')}</span>
          <select
            value={filters.evidence}
            onChange={(e) => onFilters({ ...filters, evidence: e.target.value as Filters['evidence'] })}
          >
            <option value="any">{t('ws.filter.any')}</option>
            <option value="with">{t('ws.filter.withEvidence')}</option>
            <option value="without">{t('ws.filter.withoutEvidence')}</option>
          </select>
        </label>
        <label className="inline-field">
          <span>{t('assign.filter')}</span>
          <select
            value={filters.assignee}
            onChange={(e) => onFilters({ ...filters, assignee: e.target.value })}
          >
            <option value="">{t('ws.filter.any')}</option>
            <option value="none">{t('assign.nobody')}</option>
            {assignees.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.inTeam ? m.name : t('assign.formerMember', { name: m.name })}
              </option>
            ))}
            {filters.assignee === meId && !assignees.some((m) => m.userId === meId) && (
              <option value={meId}>{t('assign.me')}</option>
            )}
          </select>
        </label>
        <button
          type="button"
          aria-pressed={filters.assignee === meId}
          onClick={() => onFilters({ ...filters, assignee: filters.assignee === meId ? '' : meId })}
        >
          {t('assign.mine')}
        </button>
        <label className="choice">
          <input
            type="checkbox"
            checked={filters.mapped}
            onChange={(e) => onFilters({ ...filters, mapped: e.target.checked })}
          />
          <span>{t('ws.filter.withMapping')}</span>
        </label>
      </div>
      <fieldset className="filters-row statuses">
        <legend>{t('ws.filter.status')}</legend>
        {ASSESSMENT_STATUSES.map((s) => (
          <label key={s} className={`chip status-${s}`}>
            <input
              type="checkbox"
              checked={filters.statuses.includes(s)}
              onChange={(e) => toggleStatus(s, e.target.checked)}
            />
            <span>{t(`status.${s}`)}</span>
          </label>
        ))}
        <button type="button" className="link-button" onClick={() => onFilters(NO_FILTERS)}>
          {t('ws.filter.clear')}
        </button>
        <span className="count" role="status">
          {t('ws.count', { shown, total })}
        </span>
      </fieldset>
    </div>
  );
}
