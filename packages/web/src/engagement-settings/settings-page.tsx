import { useId, useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import type { Engagement, Member } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { Feedback } from '../shell/action.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import { EngagementNav } from '../shell/engagement-nav.tsx';
import {
  draftOf,
  draftProblem,
  patchOf,
  PHASES,
  toggleMember,
  type EngagementDraft,
  type EngagementPatch,
  type Phase,
} from './engagement-form.ts';
import { RescopePanel } from './rescope-panel.tsx';
import { SettingsConflict } from './settings-conflict.tsx';
import './settings.css';

/** The engagement's name, dates, phase and team, saved with its version (a conflict dialog on 409). */
export function SettingsPage() {
  const { t } = useI18n();
  const { organisationId = '', engagementId = '' } = useParams();
  const [notice, setNotice] = useState<string | undefined>();
  const [rescoped, setRescoped] = useState<string | undefined>();
  const base = `/api/organisations/${organisationId}/engagements/${engagementId}`;
  const [state, reload, setState] = useLoad(
    (signal) =>
      Promise.all([
        api<Engagement>('GET', base, { signal }),
        api<Member[]>('GET', `/api/organisations/${organisationId}/members`, { signal }),
      ]),
    [base, organisationId],
  );
  if (state.kind !== 'ok') return <Status state={state} onRetry={reload} />;
  const [engagement, members] = state.value;
  return (
    <div>
      <EngagementNav engagement={engagement} />
      <SettingsForm
        key={engagement.version}
        base={base}
        engagement={engagement}
        members={members}
        notice={notice}
        onChange={(current, saved) => {
          setState({ kind: 'ok', value: [current, members] });
          setNotice(saved ? t('team.saved') : undefined);
        }}
      />
      <Feedback notice={rescoped} />
      <RescopePanel
        base={base}
        engagement={engagement}
        onApplied={(outcome) => {
          setRescoped(
            t('rescope.done', {
              added: outcome.added.length + outcome.restored.length,
              restored: outcome.restored.length,
              removed: outcome.removed.length,
            }),
          );
          reload();
        }}
      />
    </div>
  );
}

function SettingsForm({
  base,
  engagement,
  members,
  notice,
  onChange,
}: {
  readonly base: string;
  readonly engagement: Engagement;
  readonly members: readonly Member[];
  /** What the last save did, shown until the next edit. */
  readonly notice: string | undefined;
  /** The engagement as the server now holds it; `saved` when this form's change was stored. */
  readonly onChange: (engagement: Engagement, saved: boolean) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<EngagementDraft>(() => draftOf(engagement));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [shownProblem, setShownProblem] = useState(false);
  const [conflict, setConflict] = useState<{ theirs: Engagement; mine: EngagementPatch } | undefined>();
  const ids = { name: useId(), end: useId(), error: useId() };
  const canEdit = engagement.permissions.includes('engagement.update');
  const patch = patchOf(engagement, draft);
  const problem = draftProblem(draft);
  const names = useMemo(() => new Map(members.map((m) => [m.userId, m.name])), [members]);
  const nameOf = (userId: string) => names.get(userId) ?? userId;
  // Team members the organisation no longer lists stay visible, so saving does not drop them unseen.
  const strangers = engagement.team.filter((id) => !names.has(id));

  async function send(body: EngagementPatch) {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api<Engagement>('PATCH', base, { body });
      onChange(saved, true);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && caught.current !== undefined)
        setConflict({ theirs: caught.current as Engagement, mine: body });
      else setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setShownProblem(true);
    if (problem !== undefined || patch === undefined) return;
    void send(patch);
  }

  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('team.title')}</h2>
      {!canEdit && <p className="muted">{t('team.readOnly')}</p>}
      <form
        className="card form-grid settings-form"
        onSubmit={submit}
        noValidate
        aria-describedby={error === undefined ? undefined : ids.error}
      >
        <label className="field wide">
          <span>{t('team.name')}</span>
          <input
            id={ids.name}
            required
            maxLength={300}
            readOnly={!canEdit}
            value={draft.name}
            aria-invalid={shownProblem && problem?.field === 'name'}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('engagements.phase')}</span>
          <select
            value={draft.phase}
            disabled={!canEdit}
            onChange={(e) => setDraft({ ...draft, phase: e.target.value as Phase })}
          >
            {PHASES.map((p, i) => (
              <option key={p} value={p}>
                {i + 1}. {t(`phase.${p}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('team.startDate')}</span>
          <input
            type="date"
            readOnly={!canEdit}
            value={draft.startDate}
            onChange={(e) => setDraft({ ...draft, startDate: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('team.endDate')}</span>
          <input
            id={ids.end}
            type="date"
            readOnly={!canEdit}
            min={draft.startDate === '' ? undefined : draft.startDate}
            value={draft.endDate}
            aria-invalid={shownProblem && problem?.field === 'endDate'}
            onChange={(e) => setDraft({ ...draft, endDate: e.target.value })}
          />
        </label>
        <fieldset className="field wide team-picker">
          <legend>{t('team.members')}</legend>
          <p className="muted small">{t('team.membersHint')}</p>
          {members.map((m) => (
            <label key={m.userId} className="choice">
              <input
                type="checkbox"
                disabled={!canEdit}
                checked={draft.team.includes(m.userId)}
                onChange={(e) =>
                  setDraft({ ...draft, team: toggleMember(draft.team, m.userId, e.target.checked) })
                }
              />
              <span>
                {m.name}{' '}
                <span className="muted small">
                  ({t(`role.${m.role}`)} · {m.email})
                </span>
              </span>
            </label>
          ))}
          {strangers.map((id) => (
            <label key={id} className="choice">
              <input
                type="checkbox"
                disabled={!canEdit}
                checked={draft.team.includes(id)}
                onChange={(e) => setDraft({ ...draft, team: toggleMember(draft.team, id, e.target.checked) })}
              />
              <span>{t('team.formerMember', { id })}</span>
            </label>
          ))}
        </fieldset>
        {shownProblem && problem !== undefined && (
          <p className="error wide" role="alert">
            {t(problem.key)}
          </p>
        )}
        {error !== undefined && (
          <p id={ids.error} className="error wide" role="alert">
            {t('app.error', { message: error })}
          </p>
        )}
        {canEdit && (
          <div className="actions wide">
            <span className="muted small" role="status">
              {busy
                ? t('app.saving')
                : patch === undefined
                  ? (notice ?? t('team.unchanged'))
                  : t('team.unsaved')}
            </span>
            <button
              type="button"
              disabled={patch === undefined || busy}
              onClick={() => setDraft(draftOf(engagement))}
            >
              {t('team.reset')}
            </button>
            <button type="submit" className="primary" disabled={patch === undefined || busy}>
              {t('app.save')}
            </button>
          </div>
        )}
      </form>
      {conflict !== undefined && (
        <SettingsConflict
          theirs={conflict.theirs}
          mine={conflict.mine}
          nameOf={nameOf}
          onResolve={(choice) => {
            const { theirs, mine } = conflict;
            setConflict(undefined);
            if (choice === 'overwrite') void send({ ...mine, version: theirs.version });
            else onChange(theirs, false);
          }}
        />
      )}
    </section>
  );
}
