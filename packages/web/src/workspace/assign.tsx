import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { assignmentChanges, type WorkItem } from './tree.ts';
import type { AssignResult } from './use-workspace.ts';
import './assign.css';

export interface Person {
  readonly userId: string;
  readonly name: string;
}

const NOBODY = '';
const CHOOSE = '-';

/** The assignee of one requirement: a team member or nobody; someone who left the team stays visible. */
export function AssigneeSelect({
  value,
  team,
  nameOf,
  disabled,
  onChange,
}: {
  readonly value: string | null;
  readonly team: readonly Person[];
  readonly nameOf: (userId: string) => string;
  readonly disabled: boolean;
  readonly onChange: (assigneeId: string | null) => void;
}) {
  const { t } = useI18n();
  const outside = value !== null && !team.some((m) => m.userId === value);
  return (
    <label className="field">
      <span>{t('assign.label')}</span>
      <select
        value={value ?? NOBODY}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === NOBODY ? null : e.target.value)}
      >
        <option value={NOBODY}>{t('assign.nobody')}</option>
        {team.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
        {outside && <option value={value}>{t('assign.formerMember', { name: nameOf(value) })}</option>}
      </select>
    </label>
  );
}

/**
 * Assigns every requirement of the active group (or, with no group active, every requirement the filters show)
 * in one all-or-nothing request.
 */
export function BulkAssign({
  items,
  scope,
  team,
  onAssign,
}: {
  readonly items: readonly WorkItem[];
  readonly scope: 'group' | 'shown';
  readonly team: readonly Person[];
  readonly onAssign: (changes: ReturnType<typeof assignmentChanges>) => Promise<AssignResult>;
}) {
  const { t } = useI18n();
  // Nothing chosen at first: a stray click must not unassign a whole group.
  const [assignee, setAssignee] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();
  const labelId = useId();
  const count = new Set(items.map((i) => i.assessment.id)).size;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (assignee === undefined) return;
    const changes = assignmentChanges(items, assignee === NOBODY ? null : assignee);
    if (changes.length === 0) {
      setMessage({ text: t('assign.nothingToChange'), error: false });
      return;
    }
    setBusy(true);
    setMessage(undefined);
    const result = await onAssign(changes);
    setBusy(false);
    if (result.kind === 'ok')
      setMessage({
        text: result.changed === 1 ? t('assign.doneOne') : t('assign.done', { n: result.changed }),
        error: false,
      });
    else if (result.kind === 'conflict') setMessage({ text: t('assign.conflict'), error: true });
    else setMessage({ text: t('app.error', { message: result.message }), error: true });
  }

  return (
    <form className="bulk-assign" aria-labelledby={labelId} onSubmit={(e) => void submit(e)}>
      <span id={labelId}>
        {count === 1
          ? t(scope === 'group' ? 'assign.bulkGroupOne' : 'assign.bulkShownOne')
          : t(scope === 'group' ? 'assign.bulkGroup' : 'assign.bulkShown', { n: count })}
      </span>
      <label className="inline-field">
        <span>{t('assign.to')}</span>
        <select
          // The visible "to" reads on from the sentence before it; alone, the control says what it does.
          aria-label={t('assign.assignTo')}
          value={assignee ?? CHOOSE}
          onChange={(e) => setAssignee(e.target.value === CHOOSE ? undefined : e.target.value)}
        >
          <option value={CHOOSE}>{t('assign.choose')}</option>
          <option value={NOBODY}>{t('assign.unassign')}</option>
          {team.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy || count === 0 || assignee === undefined}>
        {busy ? t('app.saving') : t('assign.apply')}
      </button>
      <span role="status" className={message?.error === true ? 'error' : 'muted'}>
        {message?.text}
      </span>
    </form>
  );
}
