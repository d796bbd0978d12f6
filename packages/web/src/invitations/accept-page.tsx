import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { SignInPage } from '../pages/sign-in.tsx';
import { useMe, useSession } from '../session/session.tsx';
import { Shell } from '../shell/shell.tsx';
import { InputField } from '../shell/fields.tsx';
import { FormError, SignedOutPage, SubmitButton, useSubmit } from '../shell/signed-out.tsx';
import { acceptProblem, type AcceptProblem } from './invitation-logic.ts';
import './invitations.css';

/**
 * `/invitations/accept?token=…`: a signed-out visitor signs in (or signs up) with the invited address first; a
 * signed-in one accepts and lands in the organisation.
 */
export function AcceptInvitationPage() {
  const { state } = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-in');
  if (state.kind === 'signed-in')
    return (
      <Shell>
        <AcceptCard token={token} />
      </Shell>
    );
  if (mode === 'sign-up') return <SignUpPage onSignIn={() => setMode('sign-in')} />;
  return (
    <SignInPage>
      <Invited onSignUp={() => setMode('sign-up')} />
    </SignInPage>
  );
}

function Invited({ onSignUp }: { readonly onSignUp: () => void }) {
  const { t } = useI18n();
  return (
    <div className="invite-intro" role="note">
      <h2>{t('invite.accept.invited')}</h2>
      <p>{t('invite.accept.signInFirst')}</p>
      <p>
        {t('invite.accept.noAccount')}{' '}
        <button type="button" className="link-button" onClick={onSignUp}>
          {t('invite.accept.createAccount')}
        </button>
      </p>
    </div>
  );
}

/** Creates an account with the invited address (when the server allows sign-up), which signs it in. */
function SignUpPage({ onSignIn }: { readonly onSignIn: () => void }) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [draft, setDraft] = useState({ name: '', email: '', password: '' });
  const { error, busy, errorId, submit } = useSubmit(
    async () => {
      await api('POST', '/api/auth/sign-up', { body: draft, quiet401: true });
      await refresh();
    },
    (caught) =>
      caught instanceof ApiError && caught.code === 'auth.sign_up_closed'
        ? t('invite.accept.signUpClosed')
        : caught instanceof Error
          ? caught.message
          : String(caught),
  );

  return (
    <SignedOutPage title={t('invite.accept.signUpTitle')} lead={t('invite.accept.signUpLead')}>
      <form onSubmit={(e) => void submit(e)} aria-describedby={error === undefined ? undefined : errorId}>
        <InputField
          label={t('members.name')}
          name="name"
          autoComplete="name"
          required
          maxLength={200}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <InputField
          label={t('invite.accept.invitedEmail')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={draft.email}
          onChange={(e) => setDraft({ ...draft, email: e.target.value })}
        />
        <InputField
          label={t('signIn.password')}
          hint={t('invite.accept.passwordHint')}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={draft.password}
          onChange={(e) => setDraft({ ...draft, password: e.target.value })}
        />
        <FormError id={errorId} error={error} />
        <SubmitButton busy={busy} label={t('invite.accept.create')} busyLabel={t('invite.accept.creating')} />
      </form>
      <p>
        {t('invite.accept.haveAccount')}{' '}
        <button type="button" className="link-button" onClick={onSignIn}>
          {t('signIn.submit')}
        </button>
      </p>
    </SignedOutPage>
  );
}

const PROBLEM_KEYS = {
  expired: 'invite.problem.expired',
  wrongAccount: 'invite.problem.wrongAccount',
  used: 'invite.problem.used',
  revoked: 'invite.problem.revoked',
  unusable: 'invite.problem.unusable',
  other: 'invite.problem.other',
} as const satisfies Record<AcceptProblem, string>;

/** Signed in: accept as this account, or learn why it cannot be accepted and what to do. */
function AcceptCard({ token }: { readonly token: string }) {
  const { t } = useI18n();
  const me = useMe();
  const { refresh, signOut } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ kind: AcceptProblem; message: string } | undefined>();

  async function accept() {
    setBusy(true);
    setProblem(undefined);
    try {
      const joined = await api<{ organisationId: string }>('POST', '/api/invitations/accept', {
        body: { token },
      });
      await refresh();
      await navigate(`/o/${joined.organisationId}/engagements`, { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError)
        setProblem({ kind: acceptProblem(caught.code, caught.status), message: caught.message });
      else setProblem({ kind: 'other', message: caught instanceof Error ? caught.message : String(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card invite-accept" aria-labelledby="accept-title">
      <h1 id="accept-title">{t('invite.accept.title')}</h1>
      {token === '' ? (
        <p role="alert" className="error">
          {t('invite.accept.noToken')}
        </p>
      ) : (
        <>
          <p>{t('invite.accept.signedInAs', { name: me.user.name, email: me.user.email })}</p>
          <p className="muted">{t('invite.accept.sameAddress')}</p>
          {problem !== undefined && (
            <div role="alert" className="error">
              <p>{t(PROBLEM_KEYS[problem.kind], { email: me.user.email, message: problem.message })}</p>
            </div>
          )}
          {problem !== undefined && me.organisations.length > 0 && (
            // Already a member somewhere (perhaps through this very invitation): the way in.
            <p>
              <Link to="/">{t('invite.accept.openApp')}</Link>
            </p>
          )}
          <div className="actions">
            {problem !== undefined && (
              <button type="button" onClick={() => void signOut()}>
                {t('invite.accept.switchAccount')}
              </button>
            )}
            <button type="button" className="primary" disabled={busy} onClick={() => void accept()}>
              {busy ? t('invite.accept.accepting') : t('invite.accept.accept')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
