import { Link, NavLink } from 'react-router';
import type { Engagement } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** The engagement's name, entity and phase, with its sections as tabs-like links. */
export function EngagementNav({ engagement }: { readonly engagement: Engagement }) {
  const { t } = useI18n();
  const base = `/o/${engagement.organisationId}/engagements/${engagement.id}`;
  return (
    <div className="engagement-head">
      <div>
        <h1>{engagement.name}</h1>
        <p className="muted">
          {engagement.profile.name} · {engagement.profile.memberState} ·{' '}
          {t('engagements.phaseValue', { phase: t(`phase.${engagement.phase}` as MessageKey) })}
        </p>
        {engagement.newerProfileAvailable === true && (
          <p className="small">
            {t('rescope.banner')} <Link to={`${base}/settings#rescope`}>{t('rescope.review')}</Link>
          </p>
        )}
      </div>
      <nav aria-label={engagement.name} className="subnav">
        <NavLink to={base} end>
          {t('engagements.assessment')}
        </NavLink>
        <NavLink to={`${base}/scope`}>{t('engagements.scope')}</NavLink>
        <NavLink to={`${base}/dashboard`}>{t('engagements.dashboard')}</NavLink>
        <NavLink to={`${base}/findings`}>{t('engagements.findings')}</NavLink>
        <NavLink to={`${base}/risks`}>{t('engagements.risks')}</NavLink>
        <NavLink to={`${base}/incidents`}>{t('engagements.incidents')}</NavLink>
        <NavLink to={`${base}/actions`}>{t('engagements.actions')}</NavLink>
        <NavLink to={`${base}/reports`}>{t('reports.nav')}</NavLink>
        <NavLink to={`${base}/settings`}>{t('team.nav')}</NavLink>
      </nav>
    </div>
  );
}
