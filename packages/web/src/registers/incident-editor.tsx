import { classifyIncident, incidentImpactSchema } from '@mica-audit/core';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Engagement } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { Field, FormActions, FormAlerts, TitleField } from './form-field.tsx';
import {
  IMPACT_FLAGS,
  IMPACT_NUMBERS,
  INCIDENT_FIELDS,
  INCIDENT_TIMES,
  emptyIncident,
  incidentBody,
  incidentDraftOf,
  type IncidentDraft,
  type IncidentField,
} from './incident-form.ts';
import { Classification } from './incident-parts.tsx';
import { ConflictDialog, Modal } from './modal.tsx';
import type { IncidentView } from './types.ts';
import { useEditorSave } from './use-editor-save.tsx';
import { engagementPath } from './use-register.ts';

const label = (field: IncidentField) => `incident.field.${field}` as MessageKey;

/** Records or edits an ICT incident; the DORA classification is previewed with core's rules while typing. */
export function IncidentEditor({
  engagement,
  incident,
  onClose,
  onSaved,
}: {
  readonly engagement: Engagement;
  readonly incident: IncidentView | undefined;
  readonly onClose: () => void;
  readonly onSaved: (incident: IncidentView) => void;
}) {
  const { t } = useI18n();
  const base = engagementPath(engagement.organisationId, engagement.id);
  const [draft, setDraft] = useState<IncidentDraft>(() =>
    incident === undefined ? emptyIncident(new Date()) : incidentDraftOf(incident),
  );
  const set = (field: IncidentField, value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const body = incidentBody(draft);
  const impact = incidentImpactSchema.safeParse(body.impact);
  const preview = impact.success ? classifyIncident(impact.data) : undefined;

  const { errors, topError, busy, conflict, form, send, keepTheirs, overwrite } = useEditorSave({
    save: (version: number | undefined) =>
      incident === undefined
        ? api<IncidentView>('POST', `${base}/incidents`, { body })
        : api<IncidentView>('PATCH', `${base}/incidents/${incident.id}`, { body: { ...body, version } }),
    fields: INCIDENT_FIELDS,
    onSaved,
  });

  const text = (field: IncidentField, type: 'text' | 'datetime-local' | 'number', hint?: string) => (
    <Field key={field} label={t(label(field))} error={errors[field]} hint={hint}>
      {(p) => (
        <input
          {...p}
          type={type}
          {...(type === 'number' ? { min: 0, step: 'any' } : {})}
          value={draft[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      )}
    </Field>
  );
  const flag = (field: IncidentField) => (
    <Field key={field} label={t(label(field))} error={errors[field]}>
      {(p) => (
        <select {...p} value={draft[field]} onChange={(e) => set(field, e.target.value)}>
          <option value="">{t('incident.unknown')}</option>
          <option value="true">{t('app.yes')}</option>
          <option value="false">{t('app.no')}</option>
        </select>
      )}
    </Field>
  );
  return (
    <Modal
      title={incident === undefined ? t('incident.new') : t('incident.edit', { title: incident.title })}
      onClose={onClose}
      wide
    >
      <form
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send(incident?.version);
        }}
      >
        <FormAlerts topError={topError} errors={errors} />
        <div className="form-grid">
          <TitleField
            label={t(label('title'))}
            value={draft.title}
            error={errors.title}
            onChange={(title) => set('title', title)}
          />
          <Field label={t(label('status'))} error={errors.status}>
            {(p) => (
              <select {...p} value={draft.status} onChange={(e) => set('status', e.target.value)}>
                <option value="open">{t('incident.status.open')}</option>
                <option value="closed">{t('incident.status.closed')}</option>
              </select>
            )}
          </Field>
        </div>
        <fieldset className="form-grid group">
          <legend>{t('incident.timeline')}</legend>
          <p className="small muted wide">{t('incident.hint.times')}</p>
          {INCIDENT_TIMES.map((time) => text(time, 'datetime-local'))}
        </fieldset>
        <fieldset className="form-grid group">
          <legend>{t('incident.impact')}</legend>
          <div className="wide">
            <label className="choice">
              <input
                type="checkbox"
                checked={draft['impact.criticalServicesAffected'] === 'true'}
                onChange={(e) => set('impact.criticalServicesAffected', String(e.target.checked))}
              />
              <span>{t(label('impact.criticalServicesAffected'))}</span>
            </label>
          </div>
          {IMPACT_NUMBERS.map((field) => text(field, 'number'))}
          {IMPACT_FLAGS.map((field) => flag(field))}
          {text('impact.memberStatesImpacted', 'text', t('incident.hint.memberStates'))}
        </fieldset>
        <section className="card preview-box" aria-labelledby="incident-preview" aria-live="polite">
          <h3 id="incident-preview">{t('incident.preview')}</h3>
          {preview === undefined ? (
            <p className="muted">{t('incident.previewUnavailable')}</p>
          ) : (
            <Classification classification={preview} />
          )}
        </section>
        <FormActions busy={busy} saveLabel={t('incident.save')} onCancel={onClose} />
      </form>
      {conflict !== undefined && (
        <ConflictDialog
          title={t('incident.conflictTitle')}
          body={t('registers.conflictBody', { version: conflict.version })}
          rows={[
            { label: t(label('title')), theirs: conflict.title, mine: draft.title },
            {
              label: t(label('status')),
              theirs: t(conflict.status === 'closed' ? 'incident.status.closed' : 'incident.status.open'),
              mine: t(draft.status === 'closed' ? 'incident.status.closed' : 'incident.status.open'),
            },
            {
              label: t('incidents.major'),
              theirs: conflict.classification.major ? t('incidents.majorYes') : t('incidents.majorNo'),
              mine:
                preview === undefined
                  ? '–'
                  : preview.major
                    ? t('incidents.majorYes')
                    : t('incidents.majorNo'),
            },
          ]}
          onReload={keepTheirs}
          onOverwrite={overwrite}
        />
      )}
    </Modal>
  );
}
