import { useState } from 'react';

const messageOf = (caught: unknown) => (caught instanceof Error ? caught.message : String(caught));

/**
 * Runs a page's actions and keeps what the page shows of them: which one is running (`busy`, by the key it was
 * given) and why the last one failed, cleared when the next one starts. `fail` turns what an action threw into that
 * message, or into none when the action's failure was handled otherwise.
 */
export function useAction(fail: (caught: unknown) => string | undefined = messageOf) {
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const run = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(fail(caught));
    } finally {
      setBusy(undefined);
    }
  };
  return { busy, error, run };
}

/** What the last action did (announced as a status) and why one failed (announced as an alert). */
export function Feedback({
  notice,
  error,
}: {
  readonly notice: string | undefined;
  readonly error?: string | undefined;
}) {
  return (
    <>
      {notice !== undefined && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
