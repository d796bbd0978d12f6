import { useState } from 'react';
import { api, ApiError, query } from '../api/client.ts';
import type { Engagement, Rescope, RescopeOutcome } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import { groupByRegulation } from '../wizard/preview.ts';
import { ReasonedList } from '../wizard/scope-list.tsx';

interface Line {
  readonly urn: string;
  readonly regulation: string;
  readonly ref: string;
  readonly title: string;
  readonly reasons: readonly string[];
  /** A short remark after the title: restored with its work, kept out of scope with its work. */
  readonly note?: string;
}

function Changes({
  title,
  empty,
  lines,
}: {
  readonly title: string;
  readonly empty: string;
  readonly lines: Line[];
}) {
  const { t, number } = useI18n();
  return (
    <section aria-label={title}>
      <h4>
        {title} <span className="muted small">({number(lines.length)})</span>
      </h4>
      {lines.length === 0 && <p className="muted">{empty}</p>}
      {groupByRegulation(lines).map((g) => (
        <div key={g.regulation}>
          <h5>{g.regulation === '' ? t('rescope.leftCatalogue') : g.regulation}</h5>
          <ReasonedList requirements={g.requirements} />
        </div>
      ))}
    </section>
  );
}

/**
 * When the entity's profile moved on since the engagement's snapshot: the requirements a re-scope would make
 * applicable and take out of scope (auditor work on those is kept), and the button that applies it with the
 * version the preview was computed on.
 */
export function RescopePanel({
  base,
  engagement,
  onApplied,
}: {
  readonly base: string;
  readonly engagement: Engagement;
  readonly onApplied: (outcome: RescopeOutcome) => void;
}) {
  const { t, lang } = useI18n();
  const newer = engagement.newerProfileAvailable === true;
  const [state, reload] = useLoad(
    (signal) =>
      newer
        ? api<Rescope>('GET', `${base}/rescope${query({ lang })}`, { signal })
        : Promise.resolve(undefined),
    [base, lang, newer],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (!newer) return null;
  const canApply = engagement.permissions.includes('engagement.update');

  async function apply(preview: Rescope) {
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await api<RescopeOutcome>('POST', `${base}/rescope`, {
        body: { version: preview.version, profileVersion: preview.profileVersion.target },
      });
      onApplied(outcome);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) setError(t('rescope.conflict'));
      else setError(t('app.error', { message: caught instanceof Error ? caught.message : String(caught) }));
      reload();
    } finally {
      setBusy(false);
    }
  }

  const preview = state.kind === 'ok' ? state.value : undefined;
  const added: Line[] =
    preview?.added.map((r) => ({ ...r, ...(r.restored ? { note: t('rescope.restored') } : {}) })) ?? [];
  const removed: Line[] =
    preview?.removed.map((r) => ({
      urn: r.urn,
      regulation: r.regulation ?? '',
      ref: r.ref ?? r.urn,
      title: r.title ?? '',
      reasons: r.reasons,
      ...(r.hasWork ? { note: t('rescope.workKept') } : {}),
    })) ?? [];
  return (
    <section id="rescope" className="card rescope" aria-labelledby="rescope-title">
      <h3 id="rescope-title">{t('rescope.title')}</h3>
      <p>
        {t('rescope.lead', {
          from: engagement.profileVersion ?? '?',
          to: engagement.latestProfileVersion ?? '?',
        })}
      </p>
      <Status state={state} onRetry={reload} />
      {preview !== undefined && (
        <>
          {preview.warnings.map((w) => (
            <p key={w} className="muted">
              {w}
            </p>
          ))}
          <div className="rescope-columns">
            <Changes title={t('rescope.added')} empty={t('rescope.noneAdded')} lines={added} />
            <Changes title={t('rescope.removed')} empty={t('rescope.noneRemoved')} lines={removed} />
          </div>
          <p className="muted small">{t('rescope.keepsWork', { unchanged: preview.unchanged })}</p>
          {error !== undefined && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          {!canApply && <p className="muted">{t('rescope.readOnly')}</p>}
          {canApply && (
            <div className="actions">
              <button type="button" className="primary" disabled={busy} onClick={() => void apply(preview)}>
                {busy ? t('rescope.applying') : t('rescope.apply')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
