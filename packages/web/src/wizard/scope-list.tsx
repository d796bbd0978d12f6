import { useMemo, useState } from 'react';
import type { ScopedRequirement } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Applicable or excluded requirements, each with the reasons scoping gave; `limit` caps a long list. */
export function ScopeList({
  requirements,
  limit,
}: {
  readonly requirements: readonly ScopedRequirement[];
  readonly limit?: number;
}) {
  const { t } = useI18n();
  const [show, setShow] = useState<'applicable' | 'excluded'>('applicable');
  const [text, setText] = useState('');
  const listed = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return requirements.filter(
      (r) =>
        r.applicable === (show === 'applicable') &&
        (needle === '' ||
          `${r.regulation} ${r.ref} ${r.title} ${r.reasons.join(' ')}`.toLowerCase().includes(needle)),
    );
  }, [requirements, show, text]);
  const shown = limit === undefined ? listed : listed.slice(0, limit);
  return (
    <div className="scope-list">
      <p>
        <strong>
          {t('wizard.previewCount', {
            applicable: requirements.filter((r) => r.applicable).length,
            total: requirements.length,
          })}
        </strong>
      </p>
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
      {listed.length === 0 && <p className="muted">{t('wizard.previewEmpty')}</p>}
      <ul className="preview-list">
        {shown.map((r) => (
          <li key={r.urn}>
            <span className="ref">
              {r.regulation} {r.ref}
            </span>{' '}
            {r.title}
            <ul className="reasons">
              {r.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {listed.length > shown.length && (
        <p className="muted">{t('scope.more', { n: listed.length - shown.length })}</p>
      )}
    </div>
  );
}
