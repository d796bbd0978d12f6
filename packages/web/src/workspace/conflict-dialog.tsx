import { useEffect, useRef } from 'react';
import type { Assessment } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { AssessmentChange, Conflict } from './use-workspace.ts';

function Summary({
  value,
  nameOf,
}: {
  readonly value: AssessmentChange;
  readonly nameOf: (userId: string) => string;
}) {
  const { t } = useI18n();
  return (
    <dl className="summary">
      {value.status !== undefined && (
        <>
          <dt>{t('status.label')}</dt>
          <dd>{t(`status.${value.status}`)}</dd>
        </>
      )}
      {value.maturity !== undefined && (
        <>
          <dt>{t('maturity.label')}</dt>
          <dd>{value.maturity ?? t('maturity.none')}</dd>
        </>
      )}
      {value.assigneeId !== undefined && (
        <>
          <dt>{t('assign.label')}</dt>
          <dd>{value.assigneeId === null ? t('assign.nobody') : nameOf(value.assigneeId)}</dd>
        </>
      )}
      {value.observation !== undefined && (
        <>
          <dt>{t('detail.observation')}</dt>
          <dd className="prewrap">{value.observation}</dd>
        </>
      )}
      {value.interviewNotes !== undefined && (
        <>
          <dt>{t('detail.interviewNotes')}</dt>
          <dd className="prewrap">{value.interviewNotes}</dd>
        </>
      )}
    </dl>
  );
}

/** Modal shown on 409: what the other person saved, what you tried, and a choice between the two. */
export function ConflictDialog({
  conflict,
  refOf,
  nameOf,
  onResolve,
}: {
  readonly conflict: Conflict;
  readonly refOf: (urn: string) => string;
  readonly nameOf: (userId: string) => string;
  readonly onResolve: (choice: 'reload' | 'overwrite') => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d !== null && !d.open) d.showModal();
  }, []);
  const theirs: Assessment = conflict.theirs;
  // Their whole saved state, so the reader sees every field they changed, not only the one being edited here.
  const theirView: AssessmentChange = {
    status: theirs.status,
    maturity: theirs.maturity,
    assigneeId: theirs.assigneeId,
    ...(theirs.observation === '' ? {} : { observation: theirs.observation }),
    ...(theirs.interviewNotes === '' ? {} : { interviewNotes: theirs.interviewNotes }),
  };
  return (
    <dialog
      ref={dialog}
      className="conflict"
      aria-labelledby="conflict-title"
      onCancel={(e) => {
        e.preventDefault();
        onResolve('reload');
      }}
    >
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>{t('conflict.body', { ref: refOf(conflict.urn), version: theirs.version })}</p>
      <div className="compare">
        <section>
          <h3>{t('conflict.theirs')}</h3>
          <Summary value={theirView} nameOf={nameOf} />
        </section>
        <section>
          <h3>{t('conflict.yours')}</h3>
          <Summary value={conflict.mine} nameOf={nameOf} />
        </section>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => onResolve('reload')}>
          {t('conflict.reload')}
        </button>
        <button type="button" onClick={() => onResolve('overwrite')}>
          {t('conflict.overwrite')}
        </button>
      </div>
    </dialog>
  );
}
