import type { Engagement } from '../api/types.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { SaveConflictDialog, type ConflictItem } from '../shell/save-conflict.tsx';
import type { EngagementPatch } from './engagement-form.ts';

type Fields = Omit<EngagementPatch, 'version'>;

function itemsOf(
  value: Fields,
  t: Translate,
  date: (iso: string) => string,
  nameOf: (userId: string) => string,
): ConflictItem[] {
  const day = (iso: string | null) => (iso === null ? t('app.none') : date(iso));
  const items: ConflictItem[] = [];
  if (value.name !== undefined) items.push({ label: t('team.name'), value: value.name });
  if (value.phase !== undefined)
    items.push({ label: t('engagements.phase'), value: t(`phase.${value.phase}` as MessageKey) });
  if (value.startDate !== undefined) items.push({ label: t('team.startDate'), value: day(value.startDate) });
  if (value.endDate !== undefined) items.push({ label: t('team.endDate'), value: day(value.endDate) });
  if (value.team !== undefined)
    items.push({
      label: t('team.members'),
      value: value.team.length === 0 ? t('app.none') : value.team.map(nameOf).join(', '),
    });
  return items;
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
  const { t, date } = useI18n();
  const { version: _version, ...changed } = mine;
  // Their values of the fields you changed, so the two columns compare like with like.
  const theirView: Fields = {
    ...(changed.name === undefined ? {} : { name: theirs.name }),
    ...(changed.phase === undefined ? {} : { phase: theirs.phase as EngagementPatch['phase'] }),
    ...(changed.startDate === undefined ? {} : { startDate: theirs.startDate }),
    ...(changed.endDate === undefined ? {} : { endDate: theirs.endDate }),
    ...(changed.team === undefined ? {} : { team: theirs.team }),
  };
  return (
    <SaveConflictDialog
      title={t('team.conflictTitle')}
      body={t('team.conflictBody', { version: theirs.version })}
      theirs={itemsOf(theirView, t, date, nameOf)}
      mine={itemsOf(changed, t, date, nameOf)}
      onResolve={onResolve}
    />
  );
}
