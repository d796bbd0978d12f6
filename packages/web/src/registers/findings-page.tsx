import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { Status } from '../shell/async.tsx';
import { EngagementNav } from '../shell/engagement-nav.tsx';
import { useRegister, type Asset, type Finding } from './use-register.ts';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];

/** Technical findings of the engagement, filtered by tool, severity, asset and status. */
export function FindingsPage() {
  const { t, number } = useI18n();
  const { organisationId = '', engagementId = '' } = useParams();
  const findings = useRegister<Finding>(organisationId, engagementId, 'findings');
  const assets = useRegister<Asset>(organisationId, engagementId, 'assets');
  const [filter, setFilter] = useState({ source: '', severity: '', asset: '', status: '' });
  const assetName = useMemo(
    () => new Map((assets.kind === 'ok' ? assets.items : []).map((a) => [a.id, a.name])),
    [assets],
  );
  if (findings.kind !== 'ok')
    return <Status state={findings.kind === 'error' ? findings : { kind: 'loading' }} />;
  const all = [...findings.items].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (b.cvss ?? 0) - (a.cvss ?? 0),
  );
  const distinct = (values: readonly (string | null)[]) =>
    [...new Set(values.filter((v): v is string => v !== null))].sort();
  const shown = all.filter(
    (f) =>
      (filter.source === '' || f.source === filter.source) &&
      (filter.severity === '' || f.severity === filter.severity) &&
      (filter.asset === '' || f.assetId === filter.asset) &&
      (filter.status === '' || f.status === filter.status),
  );
  const select = (key: keyof typeof filter, label: string, options: readonly [string, string][]) => (
    <label className="inline-field">
      <span>{label}</span>
      <select value={filter[key]} onChange={(e) => setFilter({ ...filter, [key]: e.target.value })}>
        <option value="">{t('ws.filter.any')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div>
      <EngagementNav engagement={findings.engagement} />
      <h2>{t('findings.title')}</h2>
      <div className="filters filters-row" role="search" aria-label={t('ws.filters')}>
        {select(
          'source',
          t('findings.tool'),
          distinct(all.map((f) => f.source)).map((s) => [s, s]),
        )}
        {select(
          'severity',
          t('findings.severity'),
          distinct(all.map((f) => f.severity)).map((s) => [s, s]),
        )}
        {select(
          'asset',
          t('findings.asset'),
          distinct(all.map((f) => f.assetId)).map((id) => [id, assetName.get(id) ?? id]),
        )}
        {select(
          'status',
          t('findings.status'),
          distinct(all.map((f) => f.status)).map((s) => [s, s]),
        )}
        <span className="count" role="status">
          {t('findings.count', { shown: shown.length, total: all.length })}
        </span>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('findings.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('findings.finding')}</th>
              <th scope="col">{t('findings.severity')}</th>
              <th scope="col">CVSS</th>
              <th scope="col">{t('findings.tool')}</th>
              <th scope="col">{t('findings.asset')}</th>
              <th scope="col">{t('findings.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <tr key={f.id}>
                <th scope="row">{f.title}</th>
                <td>
                  <span className={`severity severity-${f.severity}`}>{f.severity}</span>
                </td>
                <td>{f.cvss === null ? '–' : number(f.cvss, 1)}</td>
                <td>{f.source}</td>
                <td>{f.assetId === null ? '–' : (assetName.get(f.assetId) ?? '–')}</td>
                <td>{f.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
