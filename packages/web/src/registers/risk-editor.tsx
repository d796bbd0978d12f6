import type { RiskMatrix } from '@mica-audit/core';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { Engagement, Member } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fieldOf, parseFieldError } from './field-errors.ts';
import { Field, focusFirstError } from './form-field.tsx';
import { ConflictDialog, Modal } from './modal.tsx';
import { AssetPicker } from './risk-parts.tsx';
import { RatingFields, TreatmentFields } from './risk-rating-fields.tsx';
import { draftOf, emptyDraft, riskBody, riskFields, type RiskDraft } from './risk-form.ts';
import { Vulnerabilities } from './risk-vulnerabilities.tsx';
import type { RiskPage, RiskView } from './types.ts';
import { engagementPath } from './use-register.ts';

export interface RiskContext {
  readonly engagement: Engagement;
  readonly matrix: RiskMatrix;
  readonly appetite: number;
  readonly assets: RiskPage['assets'];
  readonly members: readonly Member[];
}

/**
 * Creates or edits a risk. Every rule is the server's (core rates the risk before saving): its 400 `path: message`
 * is shown under the input it names, and a 409 offers their version or yours.
 */
export function RiskEditor({
  context,
  risk,
  onClose,
  onSaved,
  onAssetAdded,
}: {
  readonly context: RiskContext;
  readonly risk: RiskView | undefined;
  readonly onClose: () => void;
  readonly onSaved: (risk: RiskView) => void;
  readonly onAssetAdded: () => void;
}) {
  const { t } = useI18n();
  const { engagement, matrix } = context;
  const base = engagementPath(engagement.organisationId, engagement.id);
  const [draft, setDraft] = useState<RiskDraft>(() =>
    risk === undefined
      ? emptyDraft(new Date(), { likelihood: matrix.likelihood.length, impact: matrix.impact.length })
      : draftOf(risk),
  );
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [topError, setTopError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<RiskView>();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    focusFirstError(form.current);
  }, [errors]);
  const set = (patch: Partial<RiskDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const send = async (version: number | undefined) => {
    setBusy(true);
    setTopError(undefined);
    setErrors({});
    try {
      const body = riskBody(draft);
      const saved =
        risk === undefined
          ? await api<RiskView>('POST', `${base}/risks`, { body })
          : await api<RiskView>('PATCH', `${base}/risks/${risk.id}`, { body: { ...body, version } });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setConflict(error.current as RiskView);
      else if (error instanceof ApiError && error.status === 400) {
        const parsed = parseFieldError(error.message);
        const field = parsed === undefined ? undefined : fieldOf(parsed, riskFields(draft));
        if (parsed !== undefined && field !== undefined) setErrors({ [field]: parsed.message });
        else setTopError(error.message);
      } else setTopError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const title = risk === undefined ? t('risk.new') : t('risk.edit', { title: risk.title });
  return (
    <Modal title={title} onClose={onClose} wide>
      <form
        ref={form}
        className="risk-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send(risk?.version);
        }}
      >
        {topError !== undefined && (
          <p role="alert" className="error">
            {topError}
          </p>
        )}
        {Object.keys(errors).length > 0 && (
          <p role="alert" className="error">
            {t('risk.fixErrors')}
          </p>
        )}
        <div className="form-grid">
          <Field label={t('risk.field.title')} error={errors.title} className="field wide">
            {(p) => (
              <input
                {...p}
                value={draft.title}
                maxLength={500}
                onChange={(e) => set({ title: e.target.value })}
              />
            )}
          </Field>
          <Field
            label={t('risk.field.threat')}
            error={errors.threat}
            hint={t('risk.hint.threat')}
            className="field wide"
          >
            {(p) => (
              <textarea
                {...p}
                rows={2}
                value={draft.threat}
                onChange={(e) => set({ threat: e.target.value })}
              />
            )}
          </Field>
          <AssetPicker
            context={context}
            value={draft.assetIds}
            error={errors.assetIds}
            onChange={(assetIds) => set({ assetIds })}
            onAssetAdded={onAssetAdded}
          />
        </div>
        <Vulnerabilities
          engagement={engagement}
          value={draft.vulnerabilities}
          errors={errors}
          onChange={(vulnerabilities) => set({ vulnerabilities })}
        />
        <RatingFields draft={draft} set={set} errors={errors} matrix={matrix} appetite={context.appetite} />
        <TreatmentFields draft={draft} set={set} errors={errors} members={context.members} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('app.saving') : t('risk.save')}
          </button>
        </div>
      </form>
      {conflict !== undefined && (
        <ConflictDialog
          title={t('risk.conflictTitle')}
          body={t('registers.conflictBody', { version: conflict.version })}
          rows={[
            { label: t('risk.field.title'), theirs: conflict.title, mine: draft.title },
            {
              label: t('risk.field.likelihood'),
              theirs: `${conflict.likelihood} × ${conflict.impact}`,
              mine: `${draft.likelihood} × ${draft.impact}`,
            },
            {
              label: t('risk.field.treatment'),
              theirs: t(`risk.treatment.${conflict.treatment}`),
              mine: t(`risk.treatment.${draft.treatment}`),
            },
            { label: t('risk.field.threat'), theirs: conflict.threat, mine: draft.threat },
          ]}
          onReload={() => {
            setConflict(undefined);
            onSaved(conflict);
          }}
          onOverwrite={() => {
            const version = conflict.version;
            setConflict(undefined);
            void send(version);
          }}
        />
      )}
    </Modal>
  );
}
