import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import type { Engagement } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useMe } from '../session/session.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import { TableHead } from '../shell/table-head.tsx';

/** The engagements of the current organisation, newest first, with a way into the scoping wizard. */
export function EngagementsPage() {
  const { t, date } = useI18n();
  const { organisationId = '' } = useParams();
  const me = useMe();
  const organisation = me.organisations.find((o) => o.id === organisationId);
  const [state, reload] = useLoad(
    (signal) => api<Engagement[]>('GET', `/api/organisations/${organisationId}/engagements`, { signal }),
    [organisationId],
  );
  const canCreate = organisation?.permissions.includes('engagement.create') === true;
  return (
    <section aria-labelledby="engagements-title">
      <div className="page-head">
        <h1 id="engagements-title">{t('engagements.title')}</h1>
        {canCreate && (
          <Link className="button primary" to={`/o/${organisationId}/engagements/new`}>
            {t('engagements.new')}
          </Link>
        )}
      </div>
      <Status state={state} onRetry={reload} />
      {state.kind === 'ok' && state.value.length === 0 && <p>{t('engagements.empty')}</p>}
      {state.kind === 'ok' && state.value.length > 0 && (
        <table className="table">
          <TableHead
            columns={[
              'engagements.name',
              'engagements.entity',
              'engagements.phase',
              'engagements.services',
              'engagements.created',
              { label: 'engagements.dashboard', hidden: true },
            ]}
          />
          <tbody>
            {state.value.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <Link to={`/o/${organisationId}/engagements/${e.id}`}>{e.name}</Link>
                </th>
                <td>{e.profile.name}</td>
                <td>{t(`phase.${e.phase}` as MessageKey)}</td>
                <td>{e.profile.services.join(', ')}</td>
                <td>{date(e.createdAt)}</td>
                <td>
                  <Link to={`/o/${organisationId}/engagements/${e.id}/dashboard`}>
                    {t('engagements.dashboard')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
