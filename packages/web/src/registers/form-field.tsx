import { useId, type ReactNode } from 'react';

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
