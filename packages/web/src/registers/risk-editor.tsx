import type { RiskMatrix } from '@mica-audit/core';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Engagement, Member } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Field, FormActions, FormAlerts, TitleField } from './form-field.tsx';
import { ConflictDialog, Modal } from './modal.tsx';
import { AssetPicker } from './risk-parts.tsx';
import { RatingFields, TreatmentFields } from './risk-rating-fields.tsx';
import { draftOf, emptyDraft, riskBody, riskFields, type RiskDraft } from './risk-form.ts';
import { Vulnerabilities } from './risk-vulnerabilities.tsx';
import type { RiskPage, RiskView } from './types.ts';
import { useEditorSave } from './use-editor-save.tsx';
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
  const set = (patch: Partial<RiskDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const { errors, topError, busy, conflict, form, send, keepTheirs, overwrite } = useEditorSave({
    save: (version: number | undefined) => {
      const body = riskBody(draft);
      return risk === undefined
        ? api<RiskView>('POST', `${base}/risks`, { body })
        : api<RiskView>('PATCH', `${base}/risks/${risk.id}`, { body: { ...body, version } });
    },
    fields: riskFields(draft),
    onSaved,
  });

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
        <FormAlerts topError={topError} errors={errors} />
        <div className="form-grid">
          <TitleField
            label={t('risk.field.title')}
            value={draft.title}
            error={errors.title}
            onChange={(title) => set({ title })}
          />
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
        <FormActions busy={busy} saveLabel={t('risk.save')} onCancel={onClose} />
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
          onReload={keepTheirs}
          onOverwrite={overwrite}
        />
      )}
    </Modal>
  );
}
