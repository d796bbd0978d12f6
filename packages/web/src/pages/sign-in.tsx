import { useState, type ReactNode } from 'react';
import { api, ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { InputField } from '../shell/fields.tsx';
import { FormError, SignedOutPage, SubmitButton, useSubmit } from '../shell/signed-out.tsx';

/** Error codes a server may answer with when the account has a second factor and none (or a wrong one) was sent. */
const TOTP_CODES = new Set([
  'auth.totp_required',
  'auth.two_factor_required',
  'auth.invalid_totp',
  'auth.totp_invalid',
]);

interface SignInAnswer {
  readonly totpRequired?: boolean;
  readonly twoFactorRequired?: boolean;
  readonly twoFactorRedirect?: boolean;
}

/** The server's second-step route (`…totp…verify` or `…two-factor…verify`) when it has one, from its OpenAPI document. */
async function totpVerifyPath(): Promise<string | undefined> {
  try {
    const doc = await api<{ paths?: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json');
    return Object.keys(doc.paths ?? {}).find(
      (p) => /totp|two-factor/i.test(p) && /verify/i.test(p) && doc.paths?.[p]?.post !== undefined,
    );
  } catch {
    return undefined;
  }
}

/**
 * The page a signed-out visitor sees: email and password, and the TOTP code when the server asks for one. `children`
 * (e.g. why an invitation link needs a sign-in) appear under the lead.
 */
export function SignInPage({ children }: { readonly children?: ReactNode } = {}) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [info, setInfo] = useState<string | undefined>();
  const { error, busy, errorId, submit } = useSubmit(
    async () => {
      setInfo(undefined);
      const verify = needsTotp ? await totpVerifyPath() : undefined;
      const answer =
        verify === undefined
          ? await api<SignInAnswer>('POST', '/api/auth/sign-in', {
              body: needsTotp ? { email, password, totp } : { email, password },
              quiet401: true,
            })
          : await api<SignInAnswer>('POST', verify, { body: { code: totp }, quiet401: true });
      if (
        answer.totpRequired === true ||
        answer.twoFactorRequired === true ||
        answer.twoFactorRedirect === true
      ) {
        setNeedsTotp(true);
        setInfo(t('signIn.totpRequired'));
        return;
      }
      await refresh();
    },
    (caught) => {
      if (needsTotp) return t('signIn.totpInvalid');
      if (caught instanceof ApiError && TOTP_CODES.has(caught.code)) {
        setNeedsTotp(true);
        setInfo(t('signIn.totpRequired'));
        return undefined;
      }
      if (caught instanceof ApiError && caught.status === 401) return t('signIn.failed');
      return caught instanceof Error ? caught.message : String(caught);
    },
  );

  return (
    <SignedOutPage title={t('signIn.title')} lead={t('signIn.lead')}>
      {children}
      <form
        onSubmit={(e) => void submit(e)}
        aria-describedby={error === undefined ? undefined : errorId}
        noValidate
      >
        <InputField
          label={t('signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <InputField
          label={t('signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {needsTotp && (
          <InputField
            label={t('signIn.totp')}
            hint={t('signIn.totpHint')}
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            // The field appears because the server asked for it: the code is the next thing to type.
            autoFocus
            value={totp}
            onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
          />
        )}
        {info !== undefined && (
          <p role="status" className="info">
            {info}
          </p>
        )}
        <FormError id={errorId} error={error} />
        <SubmitButton busy={busy} label={t('signIn.submit')} busyLabel={t('signIn.submitting')} />
      </form>
    </SignedOutPage>
  );
}
