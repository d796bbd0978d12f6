import { useState } from 'react';
import type { Engagement } from '../api/types.ts';
import { Feedback } from '../shell/action.tsx';
import { EngagementNav } from '../shell/engagement-nav.tsx';
import { useQueryParams } from './query-params.ts';

/** The top of a register page: the engagement's navigation, the register's title and create button, the last notice. */
export function RegisterHead({
  engagement,
  title,
  newLabel,
  onNew,
  notice,
}: {
  readonly engagement: Engagement;
  readonly title: string;
  readonly newLabel: string;
  /** Absent for a reader who may not create records: the button is not shown. */
  readonly onNew: (() => void) | undefined;
  readonly notice: string | undefined;
}) {
  return (
    <>
      <EngagementNav engagement={engagement} />
      <div className="page-head">
        <h2>{title}</h2>
        {onNew !== undefined && (
          <button type="button" className="primary" onClick={onNew}>
            {newLabel}
          </button>
        )}
      </div>
      <Feedback notice={notice} />
    </>
  );
}

/** What the editor of a register page shows while it is open; `key` remounts it for another record. */
export interface EditorTarget<T> {
  readonly key: string;
  /** Undefined for a new record. */
  readonly record: T | undefined;
}

/**
 * The editor of a register page: a new record, or the one the address names (`?<param>=<id>`, so a link opens it),
 * and the notice the last save or delete left on the page.
 */
export function useRegisterEditor(param: string) {
  const [params, setParams] = useQueryParams();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string>();
  const editingId = params.get(param);
  const close = () => {
    setCreating(false);
    setParams({ [param]: undefined });
  };
  return {
    editingId,
    notice,
    setNotice,
    create: () => setCreating(true),
    edit: (id: string) => setParams({ [param]: id }),
    close,
    /** After a save: say what was saved and close the editor. */
    saved: (message: string) => {
      setNotice(message);
      close();
    },
    /** The open editor's record among `records` (only a manager edits one); undefined while the editor is closed. */
    target: <T extends { readonly id: string }>(
      records: readonly T[],
      canManage: boolean,
    ): EditorTarget<T> | undefined => {
      const editing = canManage ? records.find((r) => r.id === editingId) : undefined;
      if (!creating && editing === undefined) return undefined;
      return { key: editing?.id ?? 'new', record: creating ? undefined : editing };
    },
  };
}
