import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, query } from '../api/client.ts';
import type { Engagement, Scoping } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import type { FindingView, RiskView } from './types.ts';
import { engagementPath, loadAll } from './use-register.ts';

const MAX_MATCHES = 40;

/** The requirements a finding is evidence against: open one in the workspace, link another, unlink. */
export function FindingRequirements({
  engagement,
  path,
  finding,
  canUpdate,
  onSaved,
  onError,
}: {
  readonly engagement: Engagement;
  readonly path: string;
  readonly finding: FindingView;
  readonly canUpdate: boolean;
  readonly onSaved: (finding: FindingView) => void;
  readonly onError: (message: string | undefined) => void;
}) {
  const { t, lang } = useI18n();
  const base = engagementPath(engagement.organisationId, engagement.id);
  const [scoping] = useLoad(
    (signal) => api<Scoping>('GET', `${base}/scoping${query({ lang })}`, { signal }),
    [base, lang],
  );
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const requirements = useMemo(() => (scoping.kind === 'ok' ? scoping.value.requirements : []), [scoping]);
  const byUrn = useMemo(() => new Map(requirements.map((r) => [r.urn, r])), [requirements]);
  const matching = useMemo(() => {
    const words = search
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w !== '');
    return requirements
      .filter((r) => r.applicable && !finding.requirementUrns.includes(r.urn))
      .filter((r) => {
        const text = `${r.regulation} ${r.ref} ${r.title}`.toLowerCase();
        return words.every((w) => text.includes(w));
      });
  }, [requirements, search, finding.requirementUrns]);
  const matches = matching.slice(0, MAX_MATCHES);
  const change = async (method: 'POST' | 'DELETE', urn: string) => {
    setBusy(true);
    onError(undefined);
    try {
      const saved =
        method === 'POST'
          ? await api<FindingView>('POST', `${path}/requirements`, { body: { requirementUrn: urn } })
          : await api<FindingView>('DELETE', `${path}/requirements${query({ requirementUrn: urn })}`);
      onSaved(saved);
      setChosen('');
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const name = (urn: string) => {
    const r = byUrn.get(urn);
    return r === undefined ? urn : `${r.regulation} ${r.ref} — ${r.title}`;
  };
  const workspace = `/o/${engagement.organisationId}/engagements/${engagement.id}`;
  return (
    <section aria-labelledby="finding-requirements">
      <h3 id="finding-requirements">{t('findingsTable.requirementsTitle')}</h3>
      {finding.requirementUrns.length === 0 ? (
        <p className="muted">{t('findingsTable.noRequirements')}</p>
      ) : (
        <ul className="link-list">
          {finding.requirementUrns.map((urn) => (
            <li key={urn}>
              <Link to={`${workspace}${query({ requirement: urn })}`}>{name(urn)}</Link>
              {canUpdate && (
                <button
                  type="button"
                  className="small-button"
                  disabled={busy}
                  aria-label={t('findingsTable.unlink', { name: name(urn) })}
                  onClick={() => void change('DELETE', urn)}
                >
                  {t('findingsTable.unlinkShort')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canUpdate &&
        (scoping.kind !== 'ok' ? (
          <Status state={scoping} />
        ) : (
          <form
            className="link-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (chosen !== '') void change('POST', chosen);
            }}
          >
            <label className="field">
              <span>{t('findingsTable.searchRequirement')}</span>
              <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('findingsTable.requirementToLink')}</span>
              <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
                <option value="">
                  {matching.length > matches.length
                    ? t('findingsTable.chooseFirst', { shown: matches.length, n: matching.length })
                    : t('findingsTable.chooseRequirement', { n: matching.length })}
                </option>
                {matches.map((r) => (
                  <option key={r.urn} value={r.urn}>
                    {r.regulation} {r.ref} — {r.title}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={busy || chosen === ''}>
              {t('findingsTable.link')}
            </button>
          </form>
        ))}
    </section>
  );
}

/** The risks whose vulnerabilities cite this finding, each a link into the risk register. */
export function FindingRisks({
  engagement,
  findingId,
}: {
  readonly engagement: Engagement;
  readonly findingId: string;
}) {
  const { t } = useI18n();
  const base = engagementPath(engagement.organisationId, engagement.id);
  const [risks] = useLoad((signal) => loadAll<RiskView>(`${base}/risks`, signal), [base]);
  const citing =
    risks.kind === 'ok'
      ? risks.value.filter((r) => r.vulnerabilities.some((v) => v.findingIds.includes(findingId)))
      : [];
  const register = `/o/${engagement.organisationId}/engagements/${engagement.id}/risks`;
  return (
    <section aria-labelledby="finding-risks">
      <h3 id="finding-risks">{t('findingsTable.risksTitle')}</h3>
      {risks.kind !== 'ok' ? (
        <Status state={risks} />
      ) : citing.length === 0 ? (
        <p className="muted">{t('findingsTable.noRisks')}</p>
      ) : (
        <ul className="link-list">
          {citing.map((r) => (
            <li key={r.id}>
              <Link to={`${register}${query({ risk: r.id })}`}>{r.title}</Link>{' '}
              <span className={`level level-${r.rating.residual.level}`}>
                {t(`risks.level.${r.rating.residual.level}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
