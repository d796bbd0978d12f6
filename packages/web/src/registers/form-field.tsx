import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** What a labelled control needs to point at its hint and its error. */
export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid': boolean | undefined;
  readonly 'aria-describedby': string | undefined;
}

/**
 * A label, its control, an optional hint and the server's error for it, wired together so a screen reader reads
 * the error with the control.
 */
export function Field({
  label,
  hint,
  error,
  className = 'field',
  children,
}: {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly className?: string;
  readonly children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const described = [hint === undefined ? '' : `${id}-hint`, error === undefined ? '' : `${id}-error`]
    .filter((s) => s !== '')
    .join(' ');
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error === undefined ? undefined : true,
        'aria-describedby': described === '' ? undefined : described,
      })}
      {hint !== undefined && (
        <span id={`${id}-hint`} className="small muted">
          {hint}
        </span>
      )}
      {error !== undefined && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** The title of a register record: the first field of its form, across the whole width. */
export function TitleField({
  label,
  value,
  error,
  onChange,
}: {
  readonly label: string;
  readonly value: string;
  readonly error: string | undefined;
  readonly onChange: (value: string) => void;
}) {
  return (
    <Field label={label} error={error} className="field wide">
      {(p) => <input {...p} value={value} maxLength={500} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** Above a form: a refusal that names no field, and a pointer to the fields the server refused. */
export function FormAlerts({
  topError,
  errors,
}: {
  readonly topError: string | undefined;
  readonly errors: Readonly<Record<string, string>>;
}) {
  const { t } = useI18n();
  return (
    <>
      {topError !== undefined && (
        <p role="alert" className="error">
          {topError}
        </p>
      )}
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="error">
          {t('risk.fixErrors')}
        </p>
      )}
    </>
  );
}

/** Cancel and save at the foot of a form; the save button says it is saving while `busy`. */
export function FormActions({
  busy,
  saveLabel,
  onCancel,
}: {
  readonly busy: boolean;
  readonly saveLabel: string;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="button" onClick={onCancel}>
        {t('app.cancel')}
      </button>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('app.saving') : saveLabel}
      </button>
    </div>
  );
}

/** An error under a group of controls (a fieldset), announced when it appears. */
export function GroupError({ error }: { readonly error: string | undefined }) {
  if (error === undefined) return null;
  return (
    <span className="field-error" role="alert">
      {error}
    </span>
  );
}

/**
 * After a refused save, takes the keyboard to the input the server named; for an error on a group (a fieldset),
 * to the group's first control, with the message scrolled into view.
 */
export function focusFirstError(form: HTMLFormElement | null): void {
  if (form === null) return;
  const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (invalid !== null) {
    invalid.focus();
    return;
  }
  const message = form.querySelector<HTMLElement>('.field-error');
  if (message === null) return;
  message.closest('fieldset')?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  message.scrollIntoView({ block: 'center' });
}
