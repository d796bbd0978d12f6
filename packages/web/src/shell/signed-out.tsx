import { useId, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { LanguageSwitch } from './language-switch.tsx';

/** The frame of the pages a signed-out visitor sees: the language switch, then a card with a title and a lead. */
export function SignedOutPage({
  title,
  lead,
  children,
}: {
  readonly title: string;
  readonly lead: string;
  readonly children: ReactNode;
}) {
  return (
    <div className="sign-in-page">
      <header className="sign-in-top">
        <LanguageSwitch />
      </header>
      <main id="main" className="sign-in-card">
        <h1>{title}</h1>
        <p className="muted">{lead}</p>
        {children}
      </main>
    </div>
  );
}

/** An input inside its label, with an optional hint under it that the input points at. */
export function InputField({
  label,
  hint,
  ...input
}: { readonly label: string; readonly hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const hintId = useId();
  return (
    <label className="field">
      <span>{label}</span>
      <input {...input} aria-describedby={hint === undefined ? undefined : hintId} />
      {hint !== undefined && (
        <small id={hintId} className="muted">
          {hint}
        </small>
      )}
    </label>
  );
}

/**
 * A form's submit: `busy` while `run` runs and the error cleared when it starts; `fail` turns what `run` threw into
 * the form's error, or into none when it handled it otherwise.
 */
export function useSubmit(run: () => Promise<void>, fail: (caught: unknown) => string | undefined) {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await run();
    } catch (caught) {
      setError(fail(caught));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, errorId, submit };
}

/** The form's error, announced when it appears; `id` lets the form point at it. */
export function FormError({ id, error }: { readonly id: string; readonly error: string | undefined }) {
  if (error === undefined) return null;
  return (
    <p id={id} role="alert" className="error">
      {error}
    </p>
  );
}

/** The form's primary button, disabled and saying so while the request runs. */
export function SubmitButton({
  busy,
  label,
  busyLabel,
}: {
  readonly busy: boolean;
  readonly label: string;
  readonly busyLabel: string;
}) {
  return (
    <button type="submit" className="primary" disabled={busy}>
      {busy ? busyLabel : label}
    </button>
  );
}
