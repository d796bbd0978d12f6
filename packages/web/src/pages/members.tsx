import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type { Role } from '@mica-audit/core';
import { api } from '../api/client.ts';
import type { Member } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { InvitationsPanel } from '../invitations/invitations-panel.tsx';
import { useMe } from '../session/session.tsx';
import { Feedback, useAction } from '../shell/action.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import { InputField, LabelledField, RoleSelect } from '../shell/fields.tsx';
import { TableHead } from '../shell/table-head.tsx';

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
  const { error, run } = useAction();
  const [draft, setDraft] = useState({ email: '', name: '', role: 'auditor' as Role, password: '' });

  const changeRole = (userId: string, role: Role) =>
    run('role', async () => {
      await api('PATCH', `/api/organisations/${organisationId}/members/${userId}`, { body: { role } });
      setNotice(t('members.roleChanged'));
      reload();
    });

  function add(event: FormEvent) {
    event.preventDefault();
    void run('add', async () => {
      const { password, ...rest } = draft;
      await api('POST', `/api/organisations/${organisationId}/members`, {
        body: password === '' ? rest : draft,
      });
      setNotice(t('members.added'));
      setDraft({ email: '', name: '', role: 'auditor', password: '' });
      reload();
    });
  }

  return (
    <section aria-labelledby="members-title">
      <h1 id="members-title">{t('members.title')}</h1>
      <Status state={state} onRetry={reload} />
      <Feedback notice={notice} error={error} />
      {!canManage && <p className="muted">{t('members.readOnly')}</p>}
      {state.kind === 'ok' && (
        <table className="table">
          <TableHead columns={['members.name', 'members.email', 'members.role']} />
          <tbody>
            {state.value.map((m) => (
              <tr key={m.userId}>
                <th scope="row">{m.name}</th>
                <td>{m.email}</td>
                <td>
                  {canManage ? (
                    <RoleSelect
                      label={`${t('members.role')}: ${m.name}`}
                      value={m.role}
                      onChange={(role) => void changeRole(m.userId, role)}
                    />
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
        <form className="card form-grid add-member" onSubmit={add}>
          <h2>{t('members.add')}</h2>
          <InputField
            label={t('members.name')}
            required
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          <InputField
            label={t('members.email')}
            type="email"
            required
            value={draft.email}
            onChange={(e) => setDraft({ ...draft, email: e.target.value })}
          />
          <LabelledField label={t('members.role')}>
            <RoleSelect value={draft.role} onChange={(role) => setDraft({ ...draft, role })} />
          </LabelledField>
          <InputField
            label={t('members.password')}
            type="password"
            autoComplete="new-password"
            minLength={12}
            value={draft.password}
            onChange={(e) => setDraft({ ...draft, password: e.target.value })}
          />
          <button type="submit" className="primary">
            {t('members.add')}
          </button>
        </form>
      )}
    </section>
  );
}
