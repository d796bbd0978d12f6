import { useParams } from 'react-router';
import { api, query } from '../api/client.ts';
import type { Engagement, Scoping } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import { EngagementNav } from '../shell/engagement-nav.tsx';
import { ScopeList } from '../wizard/scope-list.tsx';

/** The statement of applicability: every requirement of the catalogue, applicable or excluded, with its reasons. */
export function ScopePage() {
  const { t, lang } = useI18n();
  const { organisationId = '', engagementId = '' } = useParams();
  const base = `/api/organisations/${organisationId}/engagements/${engagementId}`;
  const [state, reload] = useLoad(
    (signal) =>
      Promise.all([
        api<Engagement>('GET', base, { signal }),
        api<Scoping>('GET', `${base}/scoping${query({ lang })}`, { signal }),
      ]),
    [base, lang],
  );
  if (state.kind !== 'ok') return <Status state={state} onRetry={reload} />;
  const [engagement, scoping] = state.value;
  return (
    <div>
      <EngagementNav engagement={engagement} />
      <h2>{t('scope.title')}</h2>
      {scoping.warnings.map((w) => (
        <p key={w} className="notice">
          {w}
        </p>
      ))}
      <div className="card">
        <ScopeList requirements={scoping.requirements} />
      </div>
    </div>
  );
}
