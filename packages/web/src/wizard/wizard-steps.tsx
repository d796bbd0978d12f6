import {
  ANNEX_IV_CLASS,
  FACTS,
  ISSUANCE_LABELS,
  ISSUANCE_ROLES,
  LEGAL_STATUS_LABELS,
  LEGAL_STATUSES,
  MEMBER_STATES,
  SERVICE_KEYS,
  SERVICES,
  type IssuanceRole,
  type ServiceKey,
} from '@mica-audit/core';
import { useId } from 'react';
import type { Entity } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FACT_KEYS, type ProfileDraft } from './profile-draft.ts';

interface StepProps {
  readonly draft: ProfileDraft;
  readonly onChange: (draft: ProfileDraft) => void;
}

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

export function EntityStep({
  draft,
  onChange,
  entities,
  entityId,
  onEntity,
  engagementName,
  onEngagementName,
}: StepProps & {
  readonly entities: readonly Entity[];
  readonly entityId: string;
  readonly onEntity: (id: string) => void;
  readonly engagementName: string;
  readonly onEngagementName: (name: string) => void;
}) {
  const { t, lang } = useI18n();
  const hintId = useId();
  return (
    <div className="form-grid">
      {entities.length > 0 && (
        <label className="field">
          <span>{t('wizard.existingEntity')}</span>
          <select value={entityId} onChange={(e) => onEntity(e.target.value)}>
            <option value="">{t('wizard.newEntity')}</option>
            {entities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{t('wizard.entityName')}</span>
        <input required value={draft.name} onChange={(e) => onChange({ ...draft, name: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('wizard.engagementName')}</span>
        <input value={engagementName} onChange={(e) => onEngagementName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('wizard.memberState')}</span>
        <select
          value={draft.memberState}
          onChange={(e) => onChange({ ...draft, memberState: e.target.value })}
        >
          {MEMBER_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field wide" aria-describedby={hintId}>
        <legend>{t('wizard.legalStatus')}</legend>
        <p id={hintId} className="muted small">
          {t('wizard.legalStatusHint')}
        </p>
        <div className="choices">
          {LEGAL_STATUSES.map((s) => (
            <label key={s} className="choice">
              <input
                type="radio"
                name="legalStatus"
                value={s}
                checked={draft.legalStatus === s}
                onChange={() => onChange({ ...draft, legalStatus: s })}
              />
              <span>{LEGAL_STATUS_LABELS[s][lang]}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function ServicesStep({ draft, onChange }: StepProps) {
  const { t, lang } = useI18n();
  return (
    <fieldset className="field">
      <legend>{t('wizard.servicesLegend')}</legend>
      <ul className="choice-list">
        {SERVICE_KEYS.map((key: ServiceKey) => (
          <li key={key}>
            <label className="choice">
              <input
                type="checkbox"
                name="services"
                value={key}
                checked={draft.services.includes(key)}
                onChange={(e) =>
                  onChange({ ...draft, services: toggle(draft.services, key, e.target.checked) })
                }
              />
              <span>
                <strong>{SERVICES[key][lang]}</strong>
                <span className="muted small">
                  {' '}
                  {t('wizard.servicePoint', { point: SERVICES[key].point })} ·{' '}
                  {t('wizard.annexClass', { n: ANNEX_IV_CLASS[key] })} · <code>{key}</code>
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function IssuanceStep({ draft, onChange }: StepProps) {
  const { t, lang } = useI18n();
  return (
    <fieldset className="field">
      <legend>{t('wizard.issuanceLegend')}</legend>
      <ul className="choice-list">
        {ISSUANCE_ROLES.map((role: IssuanceRole) => (
          <li key={role}>
            <label className="choice">
              <input
                type="checkbox"
                name="issuance"
                value={role}
                checked={draft.issuance.includes(role)}
                onChange={(e) =>
                  onChange({ ...draft, issuance: toggle(draft.issuance, role, e.target.checked) })
                }
              />
              <span>
                {ISSUANCE_LABELS[role][lang]} <code className="muted small">{role}</code>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function FactsStep({ draft, onChange }: StepProps) {
  const { t } = useI18n();
  const set = (key: string, value: string) => onChange({ ...draft, facts: { ...draft.facts, [key]: value } });
  return (
    <fieldset className="field">
      <legend>{t('wizard.factsLegend')}</legend>
      <div className="facts-grid">
        {FACT_KEYS.map((key) =>
          FACTS[key].type === 'boolean' ? (
            <label key={key} className="field">
              <span>{t(`fact.${key}`)}</span>
              <select value={draft.facts[key] ?? ''} onChange={(e) => set(key, e.target.value)}>
                <option value="">{t('wizard.factUnset')}</option>
                <option value="true">{t('app.yes')}</option>
                <option value="false">{t('app.no')}</option>
              </select>
            </label>
          ) : (
            <label key={key} className="field">
              <span>{t(`fact.${key}`)}</span>
              <input
                type="number"
                min={0}
                inputMode="numeric"
                placeholder={t('wizard.factUnset')}
                value={draft.facts[key] ?? ''}
                onChange={(e) => set(key, e.target.value)}
              />
            </label>
          ),
        )}
      </div>
    </fieldset>
  );
}
