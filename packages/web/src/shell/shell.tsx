import type { ReactNode } from 'react';
import { NavLink, useNavigate, useParams } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { useMe, useSession } from '../session/session.tsx';
import { LanguageSwitch } from './language-switch.tsx';

/** Header (organisation switcher, navigation, language, user, sign-out) around the page of the current organisation. */
export function Shell({ children }: { readonly children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const { organisationId } = useParams();
  const current = me.organisations.find((o) => o.id === organisationId);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          {t('app.name')}
        </span>
        {me.organisations.length > 0 && (
          <label className="inline-field">
            <span>{t('shell.organisation')}</span>
            <select
              value={organisationId ?? ''}
              onChange={(e) => void navigate(`/o/${e.target.value}/engagements`)}
            >
              {me.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {current !== undefined && (
          <nav aria-label={t('shell.nav')} className="mainnav">
            <NavLink to={`/o/${current.id}/engagements`}>{t('shell.engagements')}</NavLink>
            <NavLink to={`/o/${current.id}/members`}>{t('shell.members')}</NavLink>
          </nav>
        )}
        <div className="topbar-end">
          <LanguageSwitch />
          <span className="user" title={me.user.email}>
            {t('shell.signedInAs', { name: me.user.name })}
            {current !== undefined && <span className="muted"> · {t(`role.${current.role}`)}</span>}
          </span>
          <button type="button" onClick={() => void signOut()}>
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
