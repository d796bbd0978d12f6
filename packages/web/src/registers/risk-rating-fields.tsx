import { TREATMENTS, type RiskMatrix } from '@mica-audit/core';
import type { Member } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Field, GroupError } from './form-field.tsx';
import { useAxisLabel } from './heat-map.tsx';
import type { RiskDraft } from './risk-form.ts';
import { RatingPreview } from './risk-parts.tsx';

type Errors = Readonly<Record<string, string>>;
type SetDraft = (patch: Partial<RiskDraft>) => void;

/** Likelihood and impact on the engagement's matrix, control effectiveness, residual, and the live rating. */
export function RatingFields({
  draft,
  set,
  errors,
  matrix,
  appetite,
}: {
  readonly draft: RiskDraft;
  readonly set: SetDraft;
  readonly errors: Errors;
  readonly matrix: RiskMatrix;
  readonly appetite: number;
}) {
  const { t } = useI18n();
  const axis = useAxisLabel();
  const levels = (which: 'likelihood' | 'impact') =>
    matrix[which].map((word, i) => (
      <option key={word} value={String(i + 1)}>
        {i + 1} — {axis(which, word)}
      </option>
    ));
  return (
    <fieldset className="form-grid group">
      <legend>{t('risk.rating')}</legend>
      <Field label={t('risk.field.likelihood')} error={errors.likelihood}>
        {(p) => (
          <select {...p} value={draft.likelihood} onChange={(e) => set({ likelihood: e.target.value })}>
            {levels('likelihood')}
          </select>
        )}
      </Field>
      <Field label={t('risk.field.impact')} error={errors.impact}>
        {(p) => (
          <select {...p} value={draft.impact} onChange={(e) => set({ impact: e.target.value })}>
            {levels('impact')}
          </select>
        )}
      </Field>
      <Field
        label={t('risk.field.controlEffectiveness')}
        error={errors.controlEffectiveness}
        hint={t('risk.hint.controlEffectiveness')}
      >
        {(p) => (
          <input
            {...p}
            type="number"
            min={0}
            max={100}
            value={draft.controlEffectiveness}
            onChange={(e) => set({ controlEffectiveness: e.target.value })}
          />
        )}
      </Field>
      <Field
        label={t('risk.field.residualLikelihood')}
        error={errors.residual}
        hint={t('risk.hint.residual')}
      >
        {(p) => (
          <select
            {...p}
            value={draft.residualLikelihood}
            onChange={(e) => set({ residualLikelihood: e.target.value })}
          >
            <option value="">{t('risk.residualNone')}</option>
            {levels('likelihood')}
          </select>
        )}
      </Field>
      <Field label={t('risk.field.residualImpact')} error={errors.residual}>
        {(p) => (
          <select
            {...p}
            value={draft.residualImpact}
            onChange={(e) => set({ residualImpact: e.target.value })}
          >
            <option value="">{t('risk.residualNone')}</option>
            {levels('impact')}
          </select>
        )}
      </Field>
      <RatingPreview draft={draft} matrix={matrix} appetite={appetite} />
    </fieldset>
  );
}

/** Treatment, owner, review date and, for an accepted risk, the sign-off the server requires. */
export function TreatmentFields({
  draft,
  set,
  errors,
  members,
}: {
  readonly draft: RiskDraft;
  readonly set: SetDraft;
  readonly errors: Errors;
  readonly members: readonly Member[];
}) {
  const { t } = useI18n();
  return (
    <fieldset className="form-grid group">
      <legend>{t('risk.treatmentAndReview')}</legend>
      <Field label={t('risk.field.treatment')} error={errors.treatment}>
        {(p) => (
          <select
            {...p}
            value={draft.treatment}
            onChange={(e) => set({ treatment: e.target.value as RiskDraft['treatment'] })}
          >
            {TREATMENTS.map((tr) => (
              <option key={tr} value={tr}>
                {t(`risk.treatment.${tr}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('risk.field.owner')} error={errors.ownerId}>
        {(p) => (
          <select {...p} value={draft.ownerId} onChange={(e) => set({ ownerId: e.target.value })}>
            <option value="">{t('risk.noOwner')}</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name} ({m.email})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('risk.field.nextReviewAt')} error={errors.nextReviewAt}>
        {(p) => (
          <input
            {...p}
            type="date"
            value={draft.nextReviewAt}
            onChange={(e) => set({ nextReviewAt: e.target.value })}
          />
        )}
      </Field>
      {draft.treatment === 'accept' && (
        <fieldset className="form-grid wide group" aria-describedby="acceptance-hint">
          <legend>{t('risk.acceptance')}</legend>
          <p id="acceptance-hint" className="small muted wide">
            {t('risk.hint.acceptance')}
          </p>
          <GroupError error={errors.acceptance} />
          <Field label={t('risk.field.acceptanceBy')} error={errors['acceptance.by']}>
            {(p) => (
              <input
                {...p}
                value={draft.acceptanceBy}
                onChange={(e) => set({ acceptanceBy: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('risk.field.acceptanceAt')} error={errors['acceptance.at']}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={draft.acceptanceAt}
                onChange={(e) => set({ acceptanceAt: e.target.value })}
              />
            )}
          </Field>
          <Field
            label={t('risk.field.acceptanceRationale')}
            error={errors['acceptance.rationale']}
            className="field wide"
          >
            {(p) => (
              <textarea
                {...p}
                rows={2}
                value={draft.acceptanceRationale}
                onChange={(e) => set({ acceptanceRationale: e.target.value })}
              />
            )}
          </Field>
        </fieldset>
      )}
    </fieldset>
  );
}
