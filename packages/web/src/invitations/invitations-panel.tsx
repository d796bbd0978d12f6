import type { Role } from '@mica-audit/core';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import type { Invitation, InvitationSent, Member } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LANGS, type Lang } from '../i18n/messages.ts';
import { Feedback, useAction } from '../shell/action.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import { InputField, LabelledField, RoleSelect } from '../shell/fields.tsx';
import { TableHead } from '../shell/table-head.tsx';
import { daysLeft, deliveryOf, type Delivery } from './invitation-logic.ts';
import { SentNotice } from './sent-notice.tsx';
import './invitations.css';

/** How the invitation reached (or is reaching) its invitee. */
function MailStatus({ mail }: { readonly mail: Invitation['mail'] }) {
  const { t } = useI18n();
  if (mail === undefined || mail === null) return <span className="muted">{t('invite.mail.link')}</span>;
  const label = t(`invite.mail.${mail.status}` as const);
  if (mail.error === null || mail.status === 'sent') return <span>{label}</span>;
  return (
    <span className={mail.status === 'failed' ? 'error' : undefined}>
      {label}{' '}
      <span className="small">
        ({t('invite.mail.error', { attempts: mail.attempts, error: mail.error })})
      </span>
    </span>
  );
}

/** Administrators invite people by e-mail with a role and a language, and manage the pending invitations. */
export function InvitationsPanel({
  organisationId,
  members,
}: {
  readonly organisationId: string;
  readonly members: readonly Member[];
}) {
  const { t, lang, date } = useI18n();
  const base = `/api/organisations/${organisationId}/invitations`;
  const [state, reload] = useLoad((signal) => api<Invitation[]>('GET', base, { signal }), [base]);
  const [draft, setDraft] = useState<{ email: string; role: Role; lang: Lang }>({
    email: '',
    role: 'auditor',
    lang,
  });
  const [sent, setSent] = useState<{ email: string; delivery: Delivery } | undefined>();
  const { busy, error, run: runAction } = useAction();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const nameOf = (userId: string) => members.find((m) => m.userId === userId)?.name ?? userId;

  // A new action clears the last one's notice as well as its error.
  const run = (key: string, work: () => Promise<void>) => {
    setNotice(undefined);
    return runAction(key, work);
  };

  function invite(event: FormEvent) {
    event.preventDefault();
    void run('invite', async () => {
      const answer = await api<InvitationSent>('POST', base, { body: draft });
      setSent({ email: answer.email, delivery: deliveryOf(answer, window.location.origin) });
      setDraft({ ...draft, email: '' });
      reload();
    });
  }

  const resend = (invitation: Invitation) =>
    run(`resend:${invitation.id}`, async () => {
      const answer = await api<InvitationSent>('POST', `${base}/${invitation.id}/resend`);
      setSent({ email: answer.email, delivery: deliveryOf(answer, window.location.origin) });
      reload();
    });

  const revoke = (invitation: Invitation) =>
    run(`revoke:${invitation.id}`, async () => {
      await api('DELETE', `${base}/${invitation.id}`);
      setConfirming(undefined);
      if (sent?.email === invitation.email) setSent(undefined);
      setNotice(t('invite.revoked', { email: invitation.email }));
      reload();
    });

  const now = new Date();
  return (
    <section aria-labelledby="invitations-title" className="invitations">
      <h2 id="invitations-title">{t('invite.title')}</h2>
      <form className="card form-grid" onSubmit={invite}>
        <p className="muted wide">{t('invite.lead')}</p>
        <InputField
          label={t('members.email')}
          type="email"
          name="invite-email"
          required
          autoComplete="off"
          value={draft.email}
          onChange={(e) => setDraft({ ...draft, email: e.target.value })}
        />
        <LabelledField label={t('members.role')}>
          <RoleSelect value={draft.role} onChange={(role) => setDraft({ ...draft, role })} />
        </LabelledField>
        <LabelledField label={t('invite.language')}>
          <select value={draft.lang} onChange={(e) => setDraft({ ...draft, lang: e.target.value as Lang })}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </LabelledField>
        <div className="actions wide">
          <button type="submit" className="primary" disabled={busy === 'invite'}>
            {busy === 'invite' ? t('invite.sending') : t('invite.send')}
          </button>
        </div>
      </form>
      {sent !== undefined && (
        <SentNotice email={sent.email} delivery={sent.delivery} onDismiss={() => setSent(undefined)} />
      )}
      <Feedback
        notice={notice}
        error={error === undefined ? undefined : t('app.error', { message: error })}
      />
      <h3>{t('invite.pending')}</h3>
      <Status state={state} onRetry={reload} />
      {state.kind === 'ok' && state.value.length === 0 && <p className="muted">{t('invite.none')}</p>}
      {state.kind === 'ok' && state.value.length > 0 && (
        <table className="table">
          <TableHead
            columns={[
              'members.email',
              'members.role',
              'invite.language',
              'invite.invitedBy',
              'invite.expires',
              'invite.delivery',
              { label: 'invite.actions', hidden: true },
            ]}
          />
          <tbody>
            {state.value.map((invitation) => {
              const days = daysLeft(invitation.expiresAt, now);
              return (
                <tr key={invitation.id}>
                  <th scope="row">{invitation.email}</th>
                  <td>{t(`role.${invitation.role}`)}</td>
                  <td>{t(`lang.${invitation.lang}`)}</td>
                  <td>{nameOf(invitation.invitedBy)}</td>
                  <td>
                    {date(invitation.expiresAt)}{' '}
                    {invitation.expired || days < 0 ? (
                      <span className="badge expired">{t('invite.expired')}</span>
                    ) : (
                      <span className="muted small">
                        ({days < 1 ? t('invite.expiresToday') : t('invite.daysLeft', { n: days })})
                      </span>
                    )}
                  </td>
                  <td>
                    <MailStatus mail={invitation.mail} />
                  </td>
                  <td className="invite-actions">
                    {confirming === invitation.id ? (
                      <>
                        <span>{t('invite.confirmRevoke', { email: invitation.email })}</span>
                        <button
                          type="button"
                          className="danger"
                          disabled={busy !== undefined}
                          onClick={() => void revoke(invitation)}
                        >
                          {t('invite.revoke')}
                        </button>
                        <button type="button" onClick={() => setConfirming(undefined)}>
                          {t('app.cancel')}
                        </button>
                      </>
                    ) : (
                      <>
                        <button
                          type="button"
                          disabled={busy !== undefined}
                          aria-label={t('invite.resendTo', { email: invitation.email })}
                          onClick={() => void resend(invitation)}
                        >
                          {busy === `resend:${invitation.id}` ? t('invite.sending') : t('invite.resend')}
                        </button>
                        <button
                          type="button"
                          disabled={busy !== undefined}
                          aria-label={t('invite.revokeFor', { email: invitation.email })}
                          onClick={() => setConfirming(invitation.id)}
                        >
                          {t('invite.revoke')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
