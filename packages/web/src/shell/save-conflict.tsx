import { Fragment, useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** One line of a side of the comparison: a field and its value. */
export interface ConflictItem {
  readonly label: string;
  readonly value: ReactNode;
  /** Keeps the line breaks of free text. */
  readonly prewrap?: boolean;
}

function Summary({ items }: { readonly items: readonly ConflictItem[] }) {
  return (
    <dl className="summary">
      {items.map((item) => (
        <Fragment key={item.label}>
          <dt>{item.label}</dt>
          <dd className={item.prewrap === true ? 'prewrap' : undefined}>{item.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/**
 * Modal shown on 409: what the other person saved beside the change you tried, and a choice between keeping theirs
 * (the caller reloads; Escape does the same) and overwriting with yours on top of their version.
 */
export function SaveConflictDialog({
  title,
  body,
  theirs,
  mine,
  onResolve,
}: {
  readonly title: string;
  readonly body: string;
  readonly theirs: readonly ConflictItem[];
  readonly mine: readonly ConflictItem[];
  readonly onResolve: (choice: 'reload' | 'overwrite') => void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (d !== null && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="conflict"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onResolve('reload');
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <p>{body}</p>
      <div className="compare">
        <section>
          <h3>{t('conflict.theirs')}</h3>
          <Summary items={theirs} />
        </section>
        <section>
          <h3>{t('conflict.yours')}</h3>
          <Summary items={mine} />
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
