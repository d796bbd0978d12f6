import { useEffect, useRef } from 'react';
import type { Engagement } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import type { EngagementPatch } from './engagement-form.ts';

function Fields({
  value,
  nameOf,
}: {
  readonly value: Omit<EngagementPatch, 'version'>;
  readonly nameOf: (userId: string) => string;
}) {
  const { t, date } = useI18n();
  const day = (iso: string | null | undefined) =>
    iso === null || iso === undefined ? t('app.none') : date(iso);
  return (
    <dl className="summary">
      {value.name !== undefined && (
        <>
          <dt>{t('team.name')}</dt>
          <dd>{value.name}</dd>
        </>
      )}
      {value.phase !== undefined && (
        <>
          <dt>{t('engagements.phase')}</dt>
          <dd>{t(`phase.${value.phase}` as MessageKey)}</dd>
        </>
      )}
      {value.startDate !== undefined && (
        <>
          <dt>{t('team.startDate')}</dt>
          <dd>{day(value.startDate)}</dd>
        </>
      )}
      {value.endDate !== undefined && (
        <>
          <dt>{t('team.endDate')}</dt>
          <dd>{day(value.endDate)}</dd>
        </>
      )}
      {value.team !== undefined && (
        <>
          <dt>{t('team.members')}</dt>
          <dd>{value.team.length === 0 ? t('app.none') : value.team.map(nameOf).join(', ')}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * Shown on 409: someone saved the engagement since it was loaded. Their saved state beside the change you tried;
 * keep theirs (the form reloads) or overwrite with yours on top of their version.
 */
export function SettingsConflict({
  theirs,
  mine,
  nameOf,
  onResolve,
}: {
  readonly theirs: Engagement;
  readonly mine: EngagementPatch;
  readonly nameOf: (userId: string) => string;
  readonly onResolve: (choice: 'reload' | 'overwrite') => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d !== null && !d.open) d.showModal();
  }, []);
  const { version: _version, ...changed } = mine;
  // Their values of the fields you changed, so the two columns compare like with like.
  const theirView: Omit<EngagementPatch, 'version'> = {
    ...(changed.name === undefined ? {} : { name: theirs.name }),
    ...(changed.phase === undefined ? {} : { phase: theirs.phase as EngagementPatch['phase'] }),
    ...(changed.startDate === undefined ? {} : { startDate: theirs.startDate }),
    ...(changed.endDate === undefined ? {} : { endDate: theirs.endDate }),
    ...(changed.team === undefined ? {} : { team: theirs.team }),
  };
  return (
    <dialog
      ref={dialog}
      className="conflict"
      aria-labelledby="settings-conflict-title"
      onCancel={(e) => {
        e.preventDefault();
        onResolve('reload');
      }}
    >
      <h2 id="settings-conflict-title">{t('team.conflictTitle')}</h2>
      <p>{t('team.conflictBody', { version: theirs.version })}</p>
      <div className="compare">
        <section>
          <h3>{t('conflict.theirs')}</h3>
          <Fields value={theirView} nameOf={nameOf} />
        </section>
        <section>
          <h3>{t('conflict.yours')}</h3>
          <Fields value={changed} nameOf={nameOf} />
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
