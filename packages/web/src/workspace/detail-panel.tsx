import { ASSESSMENT_STATUSES, type AssessmentStatus } from '@mica-audit/core';
import { useEffect, useState } from 'react';
import type { Evidence, ScopedRequirement } from '../api/types.ts';
import { useDomainLabel, useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { AssigneeSelect, type Person } from './assign.tsx';
import { EvidencePanel } from './evidence-panel.tsx';
import type { WorkItem } from './tree.ts';
import type { AssessmentChange } from './use-workspace.ts';

export interface DetailProps {
  readonly item: WorkItem;
  readonly organisationId: string;
  readonly engagementId: string;
  readonly requirements: ReadonlyMap<string, ScopedRequirement>;
  readonly evidence: readonly Evidence[];
  readonly canEdit: boolean;
  readonly canUpload: boolean;
  readonly canLink: boolean;
  readonly saving: boolean;
  /** The engagement team: who the requirement can be assigned to. */
  readonly team: readonly Person[];
  readonly nameOf: (userId: string) => string;
  readonly onSave: (urn: string, change: AssessmentChange) => void;
  readonly onSelect: (urn: string) => void;
  readonly onEvidence: (update: (list: readonly Evidence[]) => readonly Evidence[]) => void;
}

/** One requirement: why it applies, its assessment, notes, mappings and evidence. */
export function DetailPanel(props: DetailProps) {
  const { t, date } = useI18n();
  const domain = useDomainLabel();
  const { item, canEdit } = props;
  const r = item.requirement;
  const a = item.assessment;
  const [observation, setObservation] = useState(a.observation);
  const [notes, setNotes] = useState(a.interviewNotes);
  // A new requirement, or a newer server version of this one, replaces the text being edited.
  useEffect(() => {
    setObservation(a.observation);
    setNotes(a.interviewNotes);
  }, [a.id, a.version, a.observation, a.interviewNotes]);
  const dirty = observation !== a.observation || notes !== a.interviewNotes;

  return (
    <aside className="detail card" aria-labelledby="detail-title">
      <p className="muted small">
        {r.regulation} · <code>{r.urn}</code>
      </p>
      <h2 id="detail-title" tabIndex={-1}>
        <span className="ref">{r.ref}</span> {r.title}
      </h2>
      <p className="small">
        <strong>{t('detail.domains')}:</strong> {r.domains.map(domain).join(', ')}
      </p>
      <h3>{t('detail.reasons')}</h3>
      <ul className="reasons">
        {r.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <h3>{t('detail.mapped')}</h3>
      {r.mapped.length === 0 ? (
        <p className="muted">{t('detail.noMapped')}</p>
      ) : (
        <ul className="mapped">
          {r.mapped.map((m) => {
            const target = props.requirements.get(m.urn);
            const label =
              target === undefined ? m.urn : `${target.regulation} ${target.ref} — ${target.title}`;
            return (
              <li key={m.urn}>
                <span className="badge">{t(`detail.relation.${m.relation}` as MessageKey)}</span>{' '}
                {target?.applicable === true ? (
                  <button type="button" className="link-button" onClick={() => props.onSelect(m.urn)}>
                    {label}
                  </button>
                ) : (
                  label
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!canEdit && <p className="muted">{t('detail.readOnly')}</p>}
      <div className="form-row">
        <label className="field">
          <span>{t('status.label')}</span>
          <select
            value={a.status}
            disabled={!canEdit}
            onChange={(e) => props.onSave(r.urn, { status: e.target.value as AssessmentStatus })}
          >
            {ASSESSMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('maturity.label')}</span>
          <select
            value={a.maturity ?? ''}
            disabled={!canEdit}
            onChange={(e) =>
              props.onSave(r.urn, { maturity: e.target.value === '' ? null : Number(e.target.value) })
            }
          >
            <option value="">{t('maturity.none')}</option>
            {[0, 1, 2, 3, 4, 5].map((m) => (
              <option key={m} value={m}>
                {t('maturity.value', { n: m })}
              </option>
            ))}
          </select>
        </label>
        <AssigneeSelect
          value={a.assigneeId}
          team={props.team}
          nameOf={props.nameOf}
          disabled={!canEdit}
          onChange={(assigneeId) => props.onSave(r.urn, { assigneeId })}
        />
      </div>
      <p className="muted small" aria-live="polite">
        {props.saving
          ? t('app.saving')
          : t('detail.lastChange', { version: a.version, when: date(a.updatedAt) })}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSave(r.urn, { observation, interviewNotes: notes });
        }}
      >
        <label className="field">
          <span>{t('detail.observation')}</span>
          <textarea
            rows={4}
            value={observation}
            readOnly={!canEdit}
            onChange={(e) => setObservation(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('detail.interviewNotes')}</span>
          <textarea rows={4} value={notes} readOnly={!canEdit} onChange={(e) => setNotes(e.target.value)} />
        </label>
        {canEdit && (
          <button type="submit" className="primary" disabled={!dirty}>
            {t('detail.saveNotes')}
          </button>
        )}
      </form>
      <EvidencePanel
        organisationId={props.organisationId}
        engagementId={props.engagementId}
        urn={r.urn}
        mappedUrns={r.mapped.map((m) => m.urn)}
        describe={(urn) => {
          const mapped = props.requirements.get(urn);
          return mapped === undefined ? urn : `${mapped.regulation} ${mapped.ref}`;
        }}
        evidence={props.evidence}
        canUpload={props.canUpload}
        canLink={props.canLink}
        onChange={props.onEvidence}
      />
    </aside>
  );
}
