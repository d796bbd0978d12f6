import { useEffect, useRef, useState, type RefObject } from 'react';
import { ApiError } from '../api/client.ts';
import { fieldOf, parseFieldError } from './field-errors.ts';
import { focusFirstError } from './form-field.tsx';

export interface EditorSave<T> {
  /** The server's 400, under the field it names. */
  readonly errors: Readonly<Record<string, string>>;
  /** Any other refusal, shown above the form. */
  readonly topError: string | undefined;
  readonly busy: boolean;
  /** Their version, after a 409. */
  readonly conflict: T | undefined;
  /** The form: after a 400 the keyboard goes to the field the server named. */
  readonly form: RefObject<HTMLFormElement | null>;
  /** Saves on top of `version` (undefined for a new record). */
  readonly send: (version: number | undefined) => Promise<void>;
  /** After a 409: keep theirs, handed to `onSaved` as if just saved. */
  readonly keepTheirs: () => void;
  /** After a 409: save mine again, on top of their version. */
  readonly overwrite: () => void;
}

/**
 * The save of a register editor (risk, incident): a 409 keeps their version for the conflict dialog, a 400 that
 * names one of `fields` is shown under that field, and anything else above the form.
 */
export function useEditorSave<T extends { readonly version: number }>({
  save,
  fields,
  onSaved,
}: {
  readonly save: (version: number | undefined) => Promise<T>;
  readonly fields: readonly string[];
  readonly onSaved: (saved: T) => void;
}): EditorSave<T> {
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [topError, setTopError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<T>();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    focusFirstError(form.current);
  }, [errors]);

  const send = async (version: number | undefined) => {
    setBusy(true);
    setErrors({});
    setTopError(undefined);
    try {
      onSaved(await save(version));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setConflict(error.current as T);
      else if (error instanceof ApiError && error.status === 400) {
        const parsed = parseFieldError(error.message);
        const field = parsed === undefined ? undefined : fieldOf(parsed, fields);
        if (parsed !== undefined && field !== undefined) setErrors({ [field]: parsed.message });
        else setTopError(error.message);
      } else setTopError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return {
    errors,
    topError,
    busy,
    conflict,
    form,
    send,
    keepTheirs: () => {
      if (conflict === undefined) return;
      setConflict(undefined);
      onSaved(conflict);
    },
    overwrite: () => {
      if (conflict === undefined) return;
      setConflict(undefined);
      void send(conflict.version);
    },
  };
}
