import type { Assessment } from '../api/types.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import { SaveConflictDialog, type ConflictItem } from '../shell/save-conflict.tsx';
import type { AssessmentChange, Conflict } from './use-workspace.ts';

function itemsOf(value: AssessmentChange, t: Translate, nameOf: (userId: string) => string): ConflictItem[] {
  const items: ConflictItem[] = [];
  if (value.status !== undefined)
    items.push({ label: t('status.label'), value: t(`status.${value.status}`) });
  if (value.maturity !== undefined)
    items.push({ label: t('maturity.label'), value: value.maturity ?? t('maturity.none') });
  if (value.assigneeId !== undefined)
    items.push({
      label: t('assign.label'),
      value: value.assigneeId === null ? t('assign.nobody') : nameOf(value.assigneeId),
    });
  if (value.observation !== undefined)
    items.push({ label: t('detail.observation'), value: value.observation, prewrap: true });
  if (value.interviewNotes !== undefined)
    items.push({ label: t('detail.interviewNotes'), value: value.interviewNotes, prewrap: true });
  return items;
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
    <SaveConflictDialog
      title={t('conflict.title')}
      body={t('conflict.body', { ref: refOf(conflict.urn), version: theirs.version })}
      theirs={itemsOf(theirView, t, nameOf)}
      mine={itemsOf(conflict.mine, t, nameOf)}
      onResolve={onResolve}
    />
  );
}
