import { useState } from 'react';
import { api, ApiError, query } from '../api/client.ts';
import type { Member } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { TableHead } from '../shell/table-head.tsx';
import { ConfirmDialog } from './modal.tsx';
import type { RiskView } from './types.ts';

/** The register: ratings, appetite, treatment, owner and review date; edit and delete for those who may. */
export function RiskTable({
  base,
  risks,
  members,
  canManage,
  selectedId,
  onEdit,
  onDeleted,
}: {
  readonly base: string;
  readonly risks: readonly RiskView[];
  readonly members: readonly Member[];
  readonly canManage: boolean;
  /** A risk opened from a link (`?risk=`), highlighted. */
  readonly selectedId: string | null;
  readonly onEdit: (risk: RiskView) => void;
  readonly onDeleted: (message: string) => void;
}) {
  const { t, date } = useI18n();
  const [deleting, setDeleting] = useState<RiskView>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const owner = new Map(members.map((m) => [m.userId, m.name]));
  const sorted = [...risks].sort(
    (a, b) =>
      b.rating.residual.score - a.rating.residual.score ||
      b.rating.inherent.score - a.rating.inherent.score ||
      a.title.localeCompare(b.title),
  );
  const remove = async (risk: RiskView) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('DELETE', `${base}/risks/${risk.id}${query({ version: risk.version })}`);
      setDeleting(undefined);
      onDeleted(t('risk.deleted', { title: risk.title }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setDeleting(undefined);
        onDeleted(t('risk.deleteConflict', { title: risk.title }));
      } else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const rating = (r: RiskView['rating']['inherent']) => (
    <>
      {r.score} <span className={`level level-${r.level}`}>{t(`risks.level.${r.level}`)}</span>
    </>
  );
  if (sorted.length === 0) return <p className="muted">{t('risk.emptyFiltered')}</p>;
  return (
    <>
      <table className="table">
        <caption className="sr-only">{t('risks.register')}</caption>
        <TableHead
          columns={[
            'risks.risk',
            'risk.view.inherent',
            'risk.view.residual',
            'risk.appetite',
            'risks.treatment',
            'risk.field.owner',
            'risk.field.nextReviewAt',
            canManage && 'registers.actions',
          ]}
        />
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id} className={r.id === selectedId ? 'selected-row' : undefined}>
              <th scope="row">
                {r.title}
                {r.threat !== r.title && <div className="small muted">{r.threat}</div>}
              </th>
              <td>{rating(r.rating.inherent)}</td>
              <td>
                {rating(r.rating.residual)}
                <div className="small muted">
                  {t(`risk.basis.${r.rating.basis}` as 'risk.basis.inherent')}
                </div>
              </td>
              <td>
                {r.aboveAppetite ? (
                  <span className="badge badge-alert">{t('risk.above')}</span>
                ) : (
                  <span className="badge">{t('risk.within')}</span>
                )}
              </td>
              <td>{t(`risk.treatment.${r.treatment}`)}</td>
              <td>{r.ownerId === null ? '–' : (owner.get(r.ownerId) ?? r.ownerId)}</td>
              <td className={r.overdue ? 'overdue' : undefined}>
                {r.nextReviewAt === null ? '–' : date(r.nextReviewAt)}
                {r.overdue && <span className="badge badge-alert">{t('risk.overdue')}</span>}
              </td>
              {canManage && (
                <td className="row-actions">
                  <button
                    type="button"
                    onClick={() => onEdit(r)}
                    aria-label={t('risk.editNamed', { title: r.title })}
                  >
                    {t('registers.edit')}
                  </button>
                  <button
                    type="button"
                    onClick={() => setDeleting(r)}
                    aria-label={t('risk.deleteNamed', { title: r.title })}
                  >
                    {t('registers.delete')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {deleting !== undefined && (
        <ConfirmDialog
          title={t('risk.deleteTitle')}
          body={t('risk.deleteBody', { title: deleting.title })}
          confirm={t('registers.delete')}
          busy={busy}
          error={error}
          onConfirm={() => void remove(deleting)}
          onCancel={() => {
            setDeleting(undefined);
            setError(undefined);
          }}
        />
      )}
    </>
  );
}
