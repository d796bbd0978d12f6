import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { DashboardPage } from './dashboard/dashboard-page.tsx';
import { SettingsPage } from './engagement-settings/settings-page.tsx';
import { AcceptInvitationPage } from './invitations/accept-page.tsx';
import { ACCEPT_PATH } from './invitations/invitation-logic.ts';
import { EngagementsPage } from './pages/engagements.tsx';
import { ImportPage } from './imports/import-page.tsx';
import { MembersPage } from './pages/members.tsx';
import { ScopePage } from './pages/scope-page.tsx';
import { ActionsPage } from './registers/actions-page.tsx';
import { FindingsPage } from './registers/findings-page.tsx';
import { IncidentsPage } from './registers/incidents-page.tsx';
import { RisksPage } from './registers/risks-page.tsx';
import { ReportsPage } from './reports/reports-page.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { SessionProvider, useSession } from './session/session.tsx';
import { Shell } from './shell/shell.tsx';
import { WizardPage } from './wizard/wizard-page.tsx';
import { WorkspacePage } from './workspace/workspace-page.tsx';

function Home() {
  const { t } = useI18n();
  const { state } = useSession();
  if (state.kind !== 'signed-in') return null;
  const first = state.me.organisations[0];
  if (first === undefined)
    return (
      <Shell>
        <p>{t('shell.noOrganisation')}</p>
      </Shell>
    );
  return <Navigate to={`/o/${first.id}/engagements`} replace />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Shell>
      <p>{t('app.notFound')}</p>
    </Shell>
  );
}

function Routed() {
  const { t } = useI18n();
  const { state } = useSession();
  const location = useLocation();
  if (state.kind === 'loading')
    return (
      <p className="muted center" role="status">
        {t('app.loading')}
      </p>
    );
  if (state.kind === 'error')
    return (
      <main id="main" className="center" role="alert">
        {t('app.error', { message: state.message })}
      </main>
    );
  // An invitation link works signed out too: the page asks to sign in (or up) with the invited address first.
  if (location.pathname === ACCEPT_PATH) return <AcceptInvitationPage />;
  // A signed-out visitor sees the sign-in page at whatever address they opened, and lands there once signed in.
  if (state.kind === 'signed-out') return <SignInPage />;
  return (
    <Routes>
      <Route path="/" element={<Home />} />
      <Route
        path="/o/:organisationId/engagements"
        element={
          <Shell>
            <EngagementsPage />
          </Shell>
        }
      />
      <Route
        path="/o/:organisationId/engagements/new"
        element={
          <Shell>
            <WizardPage />
          </Shell>
        }
      />
      <Route
        path="/o/:organisationId/engagements/:engagementId"
        element={
          <Shell>
            <WorkspacePage />
          </Shell>
        }
      />
      <Route
        path="/o/:organisationId/engagements/:engagementId/dashboard"
        element={
          <Shell>
            <DashboardPage />
          </Shell>
        }
      />
      <Route
        path="/o/:organisationId/engagements/:engagementId/scope"
        element={
          <Shell>
            <ScopePage />
          </Shell>
        }
      />
      <Route
        path="/o/:organisationId/engagements/:engagementId/settings"
        element={
          <Shell>
            <SettingsPage />
          </Shell>
        }
      />
      <Route
        path="/o/:organisationId/engagements/:engagementId/findings"
        element={
          <Shell>
            <FindingsPage />
          </Shell>
        }
      />
      <Route
        path="/o/:organisationId/engagements/:engagementId/findings/import"
        element={
          <Shell>
            <ImportPage />
          </Shell>
        }
      />
      <Route
        path="/o/:organisationId/engagements/:engagementId/reports"
        element={
          <Shell>
            <ReportsPage />
          </Shell>
        }
      />
      <Route
        path="/o/:organisationId/engagements/:engagementId/risks"
        element={
          <Shell>
            <RisksPage />
          </Shell>
        }
      />
      <Route
        path="/o/:organisationId/engagements/:engagementId/incidents"
        element={
          <Shell>
            <IncidentsPage />
          </Shell>
        }
      />
      <Route
        path="/o/:organisationId/engagements/:engagementId/actions"
        element={
          <Shell>
            <ActionsPage />
          </Shell>
        }
      />
      <Route
        path="/o/:organisationId/members"
        element={
          <Shell>
            <MembersPage />
          </Shell>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/** The whole single-page app: language, session, routes. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Routed />
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
