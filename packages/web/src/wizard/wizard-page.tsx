import { ISSUANCE_LABELS, LEGAL_STATUS_LABELS, SERVICES } from '@mica-audit/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api/client.ts';
import type { Engagement, Entity, Member } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useLoad } from '../shell/async.tsx';
import {
  EMPTY_DRAFT,
  fromProfile,
  toProfileInput,
  validateDraft,
  type FactKey,
  type ProfileDraft,
} from './profile-draft.ts';
import { ScopePreview } from './scope-preview.tsx';
import { EntityStep, FactsStep, IssuanceStep, ServicesStep } from './wizard-steps.tsx';

const STEPS = ['entity', 'services', 'issuance', 'facts', 'review'] as const;
type Step = (typeof STEPS)[number];

/** Opens an engagement from an entity profile, step by step, with the scoping preview alongside. */
export function WizardPage() {
  const { t, lang } = useI18n();
  const { organisationId = '' } = useParams();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>('entity');
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY_DRAFT);
  const [entityId, setEntityId] = useState('');
  const [engagementName, setEngagementName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const [entities] = useLoad(
    (signal) => api<Entity[]>('GET', `/api/organisations/${organisationId}/entities`, { signal }),
    [organisationId],
  );
  const entityList = entities.kind === 'ok' ? entities.value : [];
  const [members] = useLoad(
    (signal) => api<Member[]>('GET', `/api/organisations/${organisationId}/members`, { signal }),
    [organisationId],
  );
  const [team, setTeam] = useState<readonly string[]>([]);

  const validation = useMemo(() => validateDraft(draft), [draft]);
  // Scoping does not read the entity's name: preview from the first tick, before a name is typed.
  const previewValidation = useMemo(
    () => (draft.name.trim() === '' ? validateDraft({ ...draft, name: '…' }) : validation),
    [draft, validation],
  );
  const index = STEPS.indexOf(step);
  const defaultName = t('wizard.engagementNameDefault', {
    entity: draft.name.trim() === '' ? '…' : draft.name.trim(),
    year: new Date().getFullYear(),
  });

  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  function chooseEntity(id: string) {
    setEntityId(id);
    const entity = entityList.find((e) => e.id === id);
    if (entity !== undefined) setDraft(fromProfile(entity.profile));
  }

  function go(next: number) {
    setError(undefined);
    if (step === 'entity' && next > index && draft.name.trim() === '') {
      setError(t('wizard.nameRequired'));
      return;
    }
    const target = STEPS[next];
    if (target !== undefined) setStep(target);
  }

  async function create() {
    if (!validation.ok) {
      setError(validation.message);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const profile = toProfileInput(draft);
      let id = entityId;
      if (id === '') {
        const entity = await api<Entity>('POST', `/api/organisations/${organisationId}/entities`, {
          body: { profile },
        });
        id = entity.id;
      }
      const engagement = await api<Engagement>('POST', `/api/organisations/${organisationId}/engagements`, {
        body: {
          entityId: id,
          name: engagementName.trim() === '' ? defaultName : engagementName.trim(),
          team: [...team],
          profile,
        },
      });
      await navigate(`/o/${organisationId}/engagements/${engagement.id}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="wizard-title" className="wizard" lang={lang}>
      <h1 id="wizard-title">{t('wizard.title')}</h1>
      <ol className="stepper" aria-label={t('wizard.steps')}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            aria-current={s === step ? 'step' : undefined}
            className={i < index ? 'done' : undefined}
          >
            <button type="button" onClick={() => go(i)} disabled={i > index && draft.name.trim() === ''}>
              <span className="step-number" aria-hidden="true">
                {i + 1}
              </span>{' '}
              {t(`wizard.step.${s}` as MessageKey)}
            </button>
          </li>
        ))}
      </ol>
      <div className="wizard-body">
        <form
          className="card wizard-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (step === 'review') void create();
            else go(index + 1);
          }}
          noValidate
        >
          <h2 ref={heading} tabIndex={-1}>
            {t('wizard.step', { n: index + 1, total: STEPS.length })}:{' '}
            {t(`wizard.step.${step}` as MessageKey)}
          </h2>
          {step === 'entity' && (
            <EntityStep
              draft={draft}
              onChange={setDraft}
              entities={entityList}
              entityId={entityId}
              onEntity={chooseEntity}
              engagementName={engagementName}
              onEngagementName={setEngagementName}
            />
          )}
          {step === 'services' && <ServicesStep draft={draft} onChange={setDraft} />}
          {step === 'issuance' && <IssuanceStep draft={draft} onChange={setDraft} />}
          {step === 'facts' && <FactsStep draft={draft} onChange={setDraft} />}
          {step === 'review' && (
            <>
              <Review draft={draft} name={engagementName.trim() === '' ? defaultName : engagementName} />
              {members.kind === 'ok' && members.value.length > 0 && (
                <fieldset className="field team">
                  <legend>{t('wizard.team')}</legend>
                  {members.value.map((m) => (
                    <label key={m.userId} className="choice">
                      <input
                        type="checkbox"
                        checked={team.includes(m.userId)}
                        onChange={(e) =>
                          setTeam((list) =>
                            e.target.checked ? [...list, m.userId] : list.filter((id) => id !== m.userId),
                          )
                        }
                      />
                      <span>
                        {m.name} <span className="muted small">({t(`role.${m.role}`)})</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
              )}
            </>
          )}
          {error !== undefined && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            {index > 0 && (
              <button type="button" onClick={() => go(index - 1)}>
                {t('wizard.previous')}
              </button>
            )}
            <button type="submit" className="primary" disabled={busy}>
              {step === 'review' ? (busy ? t('wizard.creating') : t('wizard.create')) : t('wizard.next')}
            </button>
          </div>
        </form>
        <ScopePreview
          organisationId={organisationId}
          profile={previewValidation.ok ? previewValidation.profile : undefined}
          problem={previewValidation.ok ? undefined : previewValidation.message}
        />
      </div>
    </section>
  );
}

function Review({ draft, name }: { readonly draft: ProfileDraft; readonly name: string }) {
  const { t, lang, number } = useI18n();
  const facts = Object.entries(toProfileInput(draft).facts as Record<FactKey, number | boolean>);
  return (
    <dl className="review">
      <dt>{t('wizard.engagementName')}</dt>
      <dd>{name}</dd>
      <dt>{t('wizard.entityName')}</dt>
      <dd>{draft.name}</dd>
      <dt>{t('wizard.memberState')}</dt>
      <dd>{draft.memberState}</dd>
      <dt>{t('wizard.legalStatus')}</dt>
      <dd>{LEGAL_STATUS_LABELS[draft.legalStatus][lang]}</dd>
      <dt>{t('wizard.step.services')}</dt>
      <dd>
        {draft.services.length === 0
          ? t('app.none')
          : draft.services.map((s) => `${SERVICES[s].point}) ${SERVICES[s][lang]}`).join('; ')}
      </dd>
      <dt>{t('wizard.step.issuance')}</dt>
      <dd>
        {draft.issuance.length === 0
          ? t('app.none')
          : draft.issuance.map((r) => ISSUANCE_LABELS[r][lang]).join('; ')}
      </dd>
      <dt>{t('wizard.step.facts')}</dt>
      <dd>
        {facts.length === 0 ? (
          t('app.none')
        ) : (
          <ul className="plain">
            {facts.map(([key, value]) => (
              <li key={key}>
                {t(`fact.${key}` as MessageKey)}:{' '}
                {typeof value === 'boolean' ? (value ? t('app.yes') : t('app.no')) : number(value)}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
