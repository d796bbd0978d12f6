import { caspPrudentialRequirement, type Profile } from '@mica-audit/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { ScopingPreview } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ScopeList } from './scope-list.tsx';
import { previewDelta, previewScoping, scopingKey } from './preview.ts';

type PreviewState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'unavailable' }
  | {
      readonly kind: 'ok';
      readonly scoping: ScopingPreview;
      readonly delta?: { added: number; removed: number };
    }
  | { readonly kind: 'error'; readonly message: string };

const SHOWN = 60;
/** Quiet time after the last edit before asking: typing a figure sends one request, not one per keystroke. */
const DEBOUNCE_MS = 300;

/** Live preview beside the wizard: applicable requirements with their reasons, counts, and the Art. 67 own funds. */
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
  const [state, setState] = useState<PreviewState>({ kind: 'waiting' });
  const [busy, setBusy] = useState(false);
  const previous = useRef<ScopingPreview | undefined>(undefined);
  const key = scopingKey(profile);
  // The profile object changes on every edit; the request depends only on what scoping reads.
  const latest = useRef(profile);
  latest.current = profile;

  useEffect(() => {
    const current = latest.current;
    if (key === undefined || current === undefined) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setBusy(true);
      previewScoping(organisationId, current, lang, controller.signal).then(
        (scoping) => {
          const before = previous.current;
          previous.current = scoping;
          setState({
            kind: 'ok',
            scoping,
            ...(before === undefined
              ? {}
              : { delta: previewDelta(before.requirements, scoping.requirements) }),
          });
          setBusy(false);
        },
        (error: unknown) => {
          // A newer edit superseded this request: its own answer will replace the list.
          if (controller.signal.aborted) return;
          setBusy(false);
          if (error instanceof ApiError && error.code === 'route.not_found')
            setState({ kind: 'unavailable' });
          else setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, organisationId, lang]);

  const ownFunds = useMemo(() => {
    if (profile === undefined || profile.legalStatus !== 'casp' || profile.services.length === 0)
      return undefined;
    return caspPrudentialRequirement(profile);
  }, [profile]);

  return (
    <aside className="preview card" aria-labelledby="preview-title" aria-busy={busy}>
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
      {/* Announced on each answer: the count and what the last edit changed, not the whole list. */}
      <p className="preview-delta" role="status">
        {busy && t('wizardPreview.updating')}
        {!busy && state.kind === 'ok' && (
          <>
            {t('wizard.previewCount', {
              applicable: state.scoping.requirements.filter((r) => r.applicable).length,
              total: state.scoping.requirements.length,
            })}
            {state.delta !== undefined &&
              (state.delta.added > 0 || state.delta.removed > 0) &&
              ` · ${t('wizardPreview.delta', { added: number(state.delta.added), removed: number(state.delta.removed) })}`}
          </>
        )}
      </p>
      {state.kind === 'waiting' && !busy && <p className="muted">{t('wizardPreview.waiting')}</p>}
      {state.kind === 'unavailable' && <p className="muted">{t('wizard.previewUnavailable')}</p>}
      {state.kind === 'error' && (
        <p className="error" role="alert">
          {t('app.error', { message: state.message })}
        </p>
      )}
      {state.kind === 'ok' && (
        <ScopeList
          requirements={state.scoping.requirements}
          counts={state.scoping.counts}
          limit={SHOWN}
          summary={false}
        />
      )}
    </aside>
  );
}
