import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/client.ts';
import type { Engagement, Member } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import { EngagementNav } from '../shell/engagement-nav.tsx';
import { ConflictDialog, Modal } from './modal.tsx';
import { PlanBoard } from './plan-board.tsx';
import { PlanItemEditor } from './plan-item-editor.tsx';
import { PlanMatrix, PlanTimeline } from './plan-views.tsx';
import { useQueryParams } from './query-params.ts';
import { engagementPath } from './use-register.ts';
import { usePlan, type PlanChange } from './use-plan.tsx';
import './registers.css';

const VIEWS = ['board', 'matrix', 'timeline'] as const;
type View = (typeof VIEWS)[number];

/** The action plan: generate or regenerate, then work it as a board, an impact/effort matrix or a timeline. */
export function ActionsPage() {
  const { t, dateTime, number } = useI18n();
  const { organisationId = '', engagementId = '' } = useParams();
  const [params, setParam] = useQueryParams();
  const base = engagementPath(organisationId, engagementId);
  const view: View = (VIEWS as readonly string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as View)
    : 'board';
  const [engagement] = useLoad((signal) => api<Engagement>('GET', base, { signal }), [base]);
  const [members] = useLoad(
    (signal) => api<Member[]>('GET', `/api/organisations/${organisationId}/members`, { signal }),
    [organisationId],
  );
  const plan = usePlan(base);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editingId, setEditingId] = useState<string>();
  const [merging, setMerging] = useState(false);
  const [mergeTitle, setMergeTitle] = useState('');

  if (engagement.kind !== 'ok') return <Status state={engagement} />;
  if (plan.plan.kind !== 'ok') return <Status state={plan.plan} onRetry={plan.reload} />;
  const current = plan.plan.value;
  const permissions = engagement.value.permissions;
  const canEdit = permissions.includes('action.update');
  const canGenerate = permissions.includes('action-plan.generate');
  const change = (c: PlanChange) => plan.send(c, current.version);
  const editing = current.items.find((i) => i.id === editingId);
  const chosen = current.items.filter((i) => selected.has(i.id));
  const owners = members.kind === 'ok' ? members.value.map((m) => m.name) : [];
  const setView = (v: View) => setParam({ view: v === 'board' ? undefined : v });
  const merge = async () => {
    const done = await change({
      method: 'POST',
      path: '/merge',
      body: {
        ids: chosen.map((i) => i.id),
        ...(mergeTitle.trim() === '' ? {} : { title: mergeTitle.trim() }),
      },
      describe: t('plan.mergeDescribe', { n: chosen.length }),
    });
    if (done) {
      setMerging(false);
      setMergeTitle('');
      setSelected(new Set());
    }
  };
  return (
    <div>
      <EngagementNav engagement={engagement.value} />
      <div className="page-head">
        <div>
          <h2>{t('actions.title')}</h2>
          <p className="muted small">
            {current.generatedAt === null
              ? t('plan.notGenerated')
              : t('plan.generatedAt', {
                  when: dateTime(current.generatedAt),
                  version: current.version,
                  n: number(current.items.length),
                })}
          </p>
        </div>
        {canGenerate && (
          <button type="button" className="primary" disabled={plan.busy} onClick={() => void plan.generate()}>
            {current.version === 0 ? t('plan.generate') : t('plan.regenerate')}
          </button>
        )}
      </div>
      {current.version > 0 && <p className="small muted">{t('plan.regenerateHint')}</p>}
      {plan.error !== undefined && editing === undefined && (
        <p role="alert" className="error">
          {plan.error}
        </p>
      )}
      {current.version === 0 ? (
        <p className="card muted">{canGenerate ? t('plan.emptyCanGenerate') : t('plan.empty')}</p>
      ) : (
        <>
          <div role="tablist" aria-label={t('plan.views')} className="tabs">
            {VIEWS.map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                id={`tab-${v}`}
                aria-selected={view === v}
                aria-controls={`panel-${v}`}
                tabIndex={view === v ? 0 : -1}
                onClick={() => setView(v)}
                onKeyDown={(e) => {
                  // Arrow keys move between tabs, as the tabs pattern expects.
                  const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                  if (step === 0) return;
                  const next = VIEWS[(VIEWS.indexOf(v) + step + VIEWS.length) % VIEWS.length] ?? 'board';
                  setView(next);
                  document.getElementById(`tab-${next}`)?.focus();
                }}
              >
                {t(`plan.view.${v}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} className="tabpanel">
            <h3>{t(`plan.view.${view}`)}</h3>
            {view === 'board' && (
              <>
                {canEdit && (
                  <div className="merge-bar">
                    <span className="small muted" role="status">
                      {t('plan.selectedCount', { n: chosen.length })}
                    </span>
                    <button
                      type="button"
                      disabled={chosen.length < 2 || plan.busy}
                      onClick={() => setMerging(true)}
                    >
                      {t('plan.mergeSelected')}
                    </button>
                  </div>
                )}
                <PlanBoard
                  items={current.items}
                  canEdit={canEdit}
                  busy={plan.busy}
                  selected={selected}
                  ownerNames={
                    new Map(members.kind === 'ok' ? members.value.map((m) => [m.userId, m.name]) : [])
                  }
                  onSelect={(id, on) =>
                    setSelected((s) => {
                      const next = new Set(s);
                      if (on) next.add(id);
                      else next.delete(id);
                      return next;
                    })
                  }
                  onChange={(c) => void change(c)}
                  onEdit={(item) => setEditingId(item.id)}
                />
              </>
            )}
            {view === 'matrix' && (
              <PlanMatrix
                base={base}
                version={current.version}
                items={current.items}
                onEdit={canEdit ? (item) => setEditingId(item.id) : undefined}
              />
            )}
            {view === 'timeline' && <PlanTimeline base={base} version={current.version} />}
          </div>
        </>
      )}
      {editing !== undefined && plan.conflict === undefined && (
        <PlanItemEditor
          key={`${editing.id}-${current.version}`}
          item={editing}
          items={current.items}
          owners={owners}
          busy={plan.busy}
          error={plan.error}
          onClose={() => {
            setEditingId(undefined);
            plan.setError(undefined);
          }}
          onChange={change}
        />
      )}
      {merging && plan.conflict === undefined && (
        <Modal title={t('plan.mergeTitle', { n: chosen.length })} onClose={() => setMerging(false)}>
          <ul>
            {chosen.map((i) => (
              <li key={i.id}>{i.title}</li>
            ))}
          </ul>
          <label className="field">
            <span>{t('plan.mergedTitle')}</span>
            <input value={mergeTitle} maxLength={500} onChange={(e) => setMergeTitle(e.target.value)} />
          </label>
          {plan.error !== undefined && (
            <p role="alert" className="error">
              {plan.error}
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={() => setMerging(false)}>
              {t('app.cancel')}
            </button>
            <button type="button" className="primary" disabled={plan.busy} onClick={() => void merge()}>
              {t('plan.merge')}
            </button>
          </div>
        </Modal>
      )}
      {plan.conflict !== undefined && (
        <ConflictDialog
          title={t('plan.conflictTitle')}
          body={t('plan.conflictBody', { version: plan.conflict.current.version })}
          rows={[
            {
              label: t('plan.conflictVersion'),
              theirs: plan.conflict.current.version,
              mine: current.version,
            },
            { label: t('plan.conflictChange'), theirs: '–', mine: plan.conflict.change.describe },
          ]}
          onReload={() => plan.resolve('theirs')}
          onOverwrite={() => plan.resolve('mine')}
        />
      )}
    </div>
  );
}
