import { caspPrudentialRequirement, type Profile } from '@mica-audit/core';
import { useEffect, useMemo, useState } from 'react';
import type { Scoping } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ScopeList } from './scope-list.tsx';
import { previewRoute, previewScoping, type PreviewRoute } from './preview.ts';

type PreviewState =
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ok'; readonly scoping: Scoping }
  | { readonly kind: 'error'; readonly message: string };

const SHOWN = 60;

/** Live preview beside the wizard: applicable requirements with their reasons, and the Art. 67 own funds. */
export function ScopePreview({
  organisationId,
  profile,
  problem,
}: {
  readonly organisationId: string;
  readonly profile: Profile | undefined;
  readonly problem: string | undefined;
}) {
  const { t, lang, number } = useI18n();
  const [route, setRoute] = useState<PreviewRoute | undefined | null>(null);
  const [state, setState] = useState<PreviewState>({ kind: 'loading' });

  useEffect(() => {
    void previewRoute().then(setRoute);
  }, []);

  useEffect(() => {
    if (route === null || profile === undefined) return;
    if (route === undefined) {
      setState({ kind: 'unavailable' });
      return;
    }
    const controller = new AbortController();
    // Debounced: typing a figure should not send a request per keystroke.
    const timer = setTimeout(() => {
      setState((s) => (s.kind === 'ok' ? s : { kind: 'loading' }));
      previewScoping(route, organisationId, profile, lang, controller.signal).then(
        (scoping) => setState({ kind: 'ok', scoping }),
        (error: unknown) => {
          if (!controller.signal.aborted)
            setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [route, profile, organisationId, lang]);

  const ownFunds = useMemo(() => {
    if (profile === undefined || profile.legalStatus !== 'casp' || profile.services.length === 0)
      return undefined;
    return caspPrudentialRequirement(profile);
  }, [profile]);

  return (
    <aside className="preview card" aria-labelledby="preview-title" aria-live="polite">
      <h2 id="preview-title">{t('wizard.preview')}</h2>
      {problem !== undefined && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {ownFunds?.requiredOwnFundsEUR !== undefined && ownFunds.requiredOwnFundsEUR !== null && (
        <p>
          <strong>{t('wizard.ownFunds')}:</strong> EUR {number(ownFunds.requiredOwnFundsEUR)} (
          {t('wizard.annexClass', { n: ownFunds.class ?? '' })})
        </p>
      )}
      {state.kind === 'unavailable' && <p className="muted">{t('wizard.previewUnavailable')}</p>}
      {state.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {state.kind === 'error' && <p className="error">{t('app.error', { message: state.message })}</p>}
      {state.kind === 'ok' && <ScopeList requirements={state.scoping.requirements} limit={SHOWN} />}
    </aside>
  );
}
