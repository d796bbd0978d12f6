import { useMemo, useState } from 'react';
import type { ScopedRequirement } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { TableHead } from '../shell/table-head.tsx';
import { countByRegulation, groupByRegulation, micaFirst, type RegulationCount } from './preview.ts';
import './wizard-preview.css';

/** Requirements, each with its reference, its title, an optional short note and the reasons it applies. */
export function ReasonedList({
  requirements,
}: {
  readonly requirements: readonly {
    readonly urn: string;
    readonly ref: string;
    readonly title: string;
    readonly note?: string;
    readonly reasons: readonly string[];
  }[];
}) {
  return (
    <ul className="preview-list">
      {requirements.map((r) => (
        <li key={r.urn}>
          <span className="ref">{r.ref}</span> {r.title}
          {r.note !== undefined && <span className="badge">{r.note}</span>}
          <ul className="reasons">
            {r.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/**
 * Applicable or excluded requirements grouped by regulation, each with the reasons scoping gave, under a table of
 * counts by regulation; `limit` caps a long list. Shared by the statement of applicability and the wizard preview.
 */
export function ScopeList({
  requirements,
  counts,
  limit,
  summary = true,
}: {
  readonly requirements: readonly ScopedRequirement[];
  /** Counts the server computed; computed here when absent. */
  readonly counts?: readonly RegulationCount[];
  readonly limit?: number;
  /** Whether to state the applicable count (the wizard announces it itself). */
  readonly summary?: boolean;
}) {
  const { t, number } = useI18n();
  const [show, setShow] = useState<'applicable' | 'excluded'>('applicable');
  const [text, setText] = useState('');
  const byRegulation = useMemo(
    () => (counts === undefined ? countByRegulation(requirements) : micaFirst(counts)),
    [counts, requirements],
  );
  const groups = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const listed = requirements.filter(
      (r) =>
        r.applicable === (show === 'applicable') &&
        (needle === '' ||
          `${r.regulation} ${r.ref} ${r.title} ${r.reasons.join(' ')}`.toLowerCase().includes(needle)),
    );
    return groupByRegulation(listed);
  }, [requirements, show, text]);
  const listedCount = groups.reduce((n, g) => n + g.requirements.length, 0);
  // The cap applies across groups, in display order.
  let budget = limit ?? Number.POSITIVE_INFINITY;
  const shownGroups = groups.flatMap((g) => {
    if (budget <= 0) return [];
    const part = g.requirements.slice(0, budget);
    budget -= part.length;
    return [{ regulation: g.regulation, total: g.requirements.length, requirements: part }];
  });
  const shownCount = shownGroups.reduce((n, g) => n + g.requirements.length, 0);
  return (
    <div className="scope-list">
      {summary && (
        <p>
          <strong>
            {t('wizard.previewCount', {
              applicable: requirements.filter((r) => r.applicable).length,
              total: requirements.length,
            })}
          </strong>
        </p>
      )}
      <table className="table compact scope-counts">
        <caption className="sr-only">{t('wizardPreview.countsCaption')}</caption>
        <TableHead
          columns={[
            'ws.filter.regulation',
            { label: 'wizardPreview.applicable', num: true },
            { label: 'wizardPreview.excluded', num: true },
          ]}
        />
        <tbody>
          {byRegulation.map((c) => (
            <tr key={c.regulation}>
              <th scope="row">{c.regulation}</th>
              <td className="num">{number(c.applicable)}</td>
              <td className="num">{number(c.excluded)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="filters-row">
        <label className="inline-field">
          <span>{t('wizard.previewFilter')}</span>
          <select value={show} onChange={(e) => setShow(e.target.value as 'applicable' | 'excluded')}>
            <option value="applicable">{t('wizard.previewApplicable')}</option>
            <option value="excluded">{t('wizard.previewExcluded')}</option>
          </select>
        </label>
        <label className="inline-field">
          <span>{t('ws.filter.search')}</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
      </div>
      {listedCount === 0 && <p className="muted">{t('wizard.previewEmpty')}</p>}
      {shownGroups.map((g) => (
        <section key={g.regulation} className="scope-group" aria-label={g.regulation}>
          <h3>
            {g.regulation} <span className="muted small">({number(g.total)})</span>
          </h3>
          <ReasonedList requirements={g.requirements} />
        </section>
      ))}
      {listedCount > shownCount && (
        <p className="muted">{t('scope.more', { n: listedCount - shownCount })}</p>
      )}
    </div>
  );
}
