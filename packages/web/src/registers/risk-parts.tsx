import {
  ASSET_CATEGORIES,
  likelihoodAfterControls,
  rate,
  type Rating,
  type RiskMatrix,
} from '@mica-audit/core';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { GroupError } from './form-field.tsx';
import type { RiskContext } from './risk-editor.tsx';
import type { RiskDraft } from './risk-form.ts';
import { engagementPath } from './use-register.ts';

/** The assets a risk bears on, by core's categories; an auditor may add one on the spot. */
export function AssetPicker({
  context,
  value,
  error,
  onChange,
  onAssetAdded,
}: {
  readonly context: RiskContext;
  readonly value: readonly string[];
  readonly error: string | undefined;
  readonly onChange: (assetIds: readonly string[]) => void;
  readonly onAssetAdded: () => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('it-system');
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string>();
  const canAdd = context.engagement.permissions.includes('asset.manage');
  const total = ASSET_CATEGORIES.reduce((n, c) => n + (context.assets[c]?.length ?? 0), 0);
  const add = async () => {
    setAdding(true);
    setAddError(undefined);
    try {
      const base = engagementPath(context.engagement.organisationId, context.engagement.id);
      const created = await api<{ id: string }>('POST', `${base}/assets`, {
        body: { name: name.trim(), kind },
      });
      onChange([...value, created.id]);
      setName('');
      onAssetAdded();
    } catch (e) {
      setAddError(e instanceof Error ? e.message : String(e));
    } finally {
      setAdding(false);
    }
  };
  return (
    <fieldset className="field wide group asset-picker">
      <legend>{t('risk.field.assets')}</legend>
      <GroupError error={error} />
      {total === 0 && <p className="muted small">{t('risk.noAssets')}</p>}
      <div className="asset-columns">
        {ASSET_CATEGORIES.filter((c) => (context.assets[c]?.length ?? 0) > 0).map((category) => (
          <div key={category} role="group" aria-labelledby={`assets-${category}`}>
            <p id={`assets-${category}`} className="small strong">
              {t(`risk.category.${category}`)}
            </p>
            {(context.assets[category] ?? []).map((asset) => (
              <label key={asset.id} className="choice">
                <input
                  type="checkbox"
                  checked={value.includes(asset.id)}
                  onChange={(e) =>
                    onChange(e.target.checked ? [...value, asset.id] : value.filter((id) => id !== asset.id))
                  }
                />
                <span>{asset.name}</span>
              </label>
            ))}
          </div>
        ))}
      </div>
      {canAdd && (
        <div className="inline-form">
          <label className="inline-field">
            <span>{t('risk.newAssetName')}</span>
            <input value={name} maxLength={300} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="inline-field">
            <span>{t('risk.newAssetCategory')}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value)}>
              {ASSET_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`risk.category.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={adding || name.trim() === ''} onClick={() => void add()}>
            {t('risk.addAsset')}
          </button>
          {addError !== undefined && (
            <span role="alert" className="field-error">
              {addError}
            </span>
          )}
        </div>
      )}
    </fieldset>
  );
}

function tryRate(likelihood: number, impact: number, matrix: RiskMatrix): Rating | undefined {
  try {
    return rate(likelihood, impact, matrix);
  } catch {
    return undefined;
  }
}

/**
 * The rating the server will compute, shown while typing (core's own functions): inherent, residual (explicit, or
 * likelihood lowered by control effectiveness) and where it stands against the appetite.
 */
export function RatingPreview({
  draft,
  matrix,
  appetite,
}: {
  readonly draft: RiskDraft;
  readonly matrix: RiskMatrix;
  readonly appetite: number;
}) {
  const { t } = useI18n();
  const inherent = tryRate(Number(draft.likelihood), Number(draft.impact), matrix);
  if (inherent === undefined) return null;
  const effectiveness = Number(draft.controlEffectiveness);
  const residual =
    draft.residualLikelihood !== '' && draft.residualImpact !== ''
      ? tryRate(Number(draft.residualLikelihood), Number(draft.residualImpact), matrix)
      : draft.controlEffectiveness.trim() !== '' && effectiveness >= 0 && effectiveness <= 100
        ? tryRate(likelihoodAfterControls(inherent.likelihood, effectiveness), inherent.impact, matrix)
        : inherent;
  const show = (r: Rating) => (
    <>
      {r.score} <span className={`level level-${r.level}`}>{t(`risks.level.${r.level}`)}</span>
    </>
  );
  return (
    <p className="wide rating-preview" aria-live="polite">
      {t('risk.preview.inherent')} {show(inherent)} · {t('risk.preview.residual')}{' '}
      {residual === undefined ? '–' : show(residual)} ·{' '}
      {residual !== undefined && residual.score > appetite ? (
        <strong>{t('risk.aboveAppetite', { appetite })}</strong>
      ) : (
        t('risk.withinAppetite', { appetite })
      )}
    </p>
  );
}
