import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ROLES, type Role } from '@mica-audit/core';
import { api } from '../api/client.ts';
import type { Member } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { InvitationsPanel } from '../invitations/invitations-panel.tsx';
import { useMe } from '../session/session.tsx';
import { Status, useLoad } from '../shell/async.tsx';

/** Members and roles; administrators add members and change roles. */
export function MembersPage() {
  const { t } = useI18n();
  const { organisationId = '' } = useParams();
  const me = useMe();
  const canManage =
    me.organisations.find((o) => o.id === organisationId)?.permissions.includes('member.manage') === true;
  const [state, reload] = useLoad(
    (signal) => api<Member[]>('GET', `/api/organisations/${organisationId}/members`, { signal }),
    [organisationId],
  );
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [draft, setDraft] = useState({ email: '', name: '', role: 'auditor' as Role, password: '' });

  async function changeRole(userId: string, role: Role) {
    setError(undefined);
    try {
      await api('PATCH', `/api/organisations/${organisationId}/members/${userId}`, { body: { role } });
      setNotice(t('members.roleChanged'));
      reload();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const { password, ...rest } = draft;
      await api('POST', `/api/organisations/${organisationId}/members`, {
        body: password === '' ? rest : draft,
      });
      setNotice(t('members.added'));
      setDraft({ email: '', name: '', role: 'auditor', password: '' });
      reload();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <section aria-labelledby="members-title">
      <h1 id="members-title">{t('members.title')}</h1>
      <Status state={state} onRetry={reload} />
      {notice !== undefined && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!canManage && <p className="muted">{t('members.readOnly')}</p>}
      {state.kind === 'ok' && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
            </tr>
          </thead>
          <tbody>
            {state.value.map((m) => (
              <tr key={m.userId}>
                <th scope="row">{m.name}</th>
                <td>{m.email}</td>
                <td>
                  {canManage ? (
                    <select
                      aria-label={`${t('members.role')}: ${m.name}`}
                      value={m.role}
                      onChange={(e) => void changeRole(m.userId, e.target.value as Role)}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`role.${m.role}`)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && (
        <InvitationsPanel organisationId={organisationId} members={state.kind === 'ok' ? state.value : []} />
      )}
      {canManage && (
        <form className="card form-grid add-member" onSubmit={(e) => void add(e)}>
          <h2>{t('members.add')}</h2>
          <label className="field">
            <span>{t('members.name')}</span>
            <input
              required
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('members.email')}</span>
            <input
              type="email"
              required
              value={draft.email}
              onChange={(e) => setDraft({ ...draft, email: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('members.role')}</span>
            <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('members.password')}</span>
            <input
              type="password"
              autoComplete="new-password"
              minLength={12}
              value={draft.password}
              onChange={(e) => setDraft({ ...draft, password: e.target.value })}
            />
          </label>
          <button type="submit" className="primary">
            {t('members.add')}
          </button>
        </form>
      )}
    </section>
  );
}
