import { useId, type FormEvent, type ReactNode } from 'react';
import { useAction } from './action.tsx';
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

/**
 * A form's submit: `busy` while `run` runs and the error cleared when it starts; `fail` turns what `run` threw into
 * the form's error, or into none when it handled it otherwise.
 */
export function useSubmit(run: () => Promise<void>, fail: (caught: unknown) => string | undefined) {
  const action = useAction(fail);
  const errorId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run('submit', run);
  };
  return { error: action.error, busy: action.busy !== undefined, errorId, submit };
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
