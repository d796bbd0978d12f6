import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A modal `<dialog>`: focus moves into it and stays there, Escape and the close button call `onClose`, and focus
 * returns to where it was when it closes (the browser does both for `showModal`).
 */
export function Modal({
  title,
  onClose,
  children,
  wide = false,
  drawer = false,
}: {
  readonly title: ReactNode;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly wide?: boolean;
  /** Slides in from the right, for a detail read beside the table it came from. */
  readonly drawer?: boolean;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal${wide ? ' modal-wide' : ''}${drawer ? ' modal-drawer' : ''}`}
      aria-labelledby={id}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="modal-head">
        <h2 id={id}>{title}</h2>
        <button type="button" className="modal-close" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
      {children}
    </dialog>
  );
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog({
  title,
  body,
  confirm,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  readonly title: string;
  readonly body: string;
  readonly confirm: string;
  readonly busy: boolean;
  readonly error: string | undefined;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal title={title} onClose={onCancel}>
      <p>{body}</p>
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('app.cancel')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </Modal>
  );
}

export interface ConflictRow {
  readonly label: string;
  readonly theirs: ReactNode;
  readonly mine: ReactNode;
}

/** On 409: what the other person saved beside what you tried, to keep theirs or save yours over it. */
export function ConflictDialog({
  title,
  body,
  rows,
  onReload,
  onOverwrite,
}: {
  readonly title: string;
  readonly body: string;
  readonly rows: readonly ConflictRow[];
  readonly onReload: () => void;
  readonly onOverwrite: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal title={title} onClose={onReload}>
      <p>{body}</p>
      <table className="table compact">
        <thead>
          <tr>
            <td />
            <th scope="col">{t('conflict.theirs')}</th>
            <th scope="col">{t('conflict.yours')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.theirs}</td>
              <td>{row.mine}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="primary" onClick={onReload}>
          {t('conflict.reload')}
        </button>
        <button type="button" onClick={onOverwrite}>
          {t('conflict.overwrite')}
        </button>
      </div>
    </Modal>
  );
}
