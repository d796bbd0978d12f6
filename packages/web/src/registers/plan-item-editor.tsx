import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { TableHead } from '../shell/table-head.tsx';
import { Field } from './form-field.tsx';
import { Modal } from './modal.tsx';
import { EFFORTS, sourceKey, splitParts, wouldCycle } from './plan.ts';
import type { PlanItem } from './types.ts';
import { itemPath, type PlanChange } from './use-plan.tsx';

/**
 * Edits an item: only the fields changed are sent, because core remembers every field a person set and keeps it
 * across regenerations. Below, the item can be split by giving each source a part.
 */
export function PlanItemEditor({
  item,
  items,
  owners,
  busy,
  error,
  onClose,
  onChange,
}: {
  readonly item: PlanItem;
  readonly items: readonly PlanItem[];
  readonly owners: readonly string[];
  readonly busy: boolean;
  readonly error: string | undefined;
  readonly onClose: () => void;
  readonly onChange: (change: PlanChange) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(item.title);
  const [priority, setPriority] = useState(String(item.priority));
  const [effort, setEffort] = useState(item.effort);
  const [owner, setOwner] = useState(item.owner ?? '');
  const [dueDate, setDueDate] = useState(item.dueDate.slice(0, 10));
  const [dependencies, setDependencies] = useState<readonly string[]>(item.dependencies);
  const [partOf, setPartOf] = useState<Readonly<Record<string, number>>>({});
  const patch: Record<string, unknown> = {};
  if (title.trim() !== item.title) patch.title = title.trim();
  if (Number(priority) !== item.priority)
    patch.priority = priority.trim() === '' ? priority : Number(priority);
  if (effort !== item.effort) patch.effort = effort;
  if (owner.trim() !== (item.owner ?? '')) patch.owner = owner.trim() === '' ? null : owner.trim();
  if (dueDate !== item.dueDate.slice(0, 10)) patch.dueDate = dueDate;
  if ([...dependencies].sort().join('\n') !== [...item.dependencies].sort().join('\n'))
    patch.dependencies = dependencies;
  const parts = splitParts(item, partOf);
  const others = items.filter((i) => i.id !== item.id);
  const save = async () => {
    const done = await onChange({
      method: 'PATCH',
      path: itemPath(item.id),
      body: patch,
      describe: t('plan.editDescribe', { title: item.title }),
    });
    if (done) onClose();
  };
  const split = async () => {
    if (parts === undefined) return;
    const done = await onChange({
      method: 'POST',
      path: '/split',
      body: { id: item.id, parts },
      describe: t('plan.splitDescribe', { title: item.title, n: parts.length }),
    });
    if (done) onClose();
  };
  return (
    <Modal title={t('plan.editTitle', { title: item.title })} onClose={onClose} wide>
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label={t('plan.field.title')} className="field wide">
          {(p) => <input {...p} value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label={t('plan.field.priority')} hint={t('plan.hint.priority')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              max={100}
              value={priority}
              onChange={(e) => setPriority(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('plan.field.effort')}>
          {(p) => (
            <select {...p} value={effort} onChange={(e) => setEffort(e.target.value as PlanItem['effort'])}>
              {EFFORTS.map((e) => (
                <option key={e} value={e}>
                  {t(`plan.effort.${e}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('plan.field.owner')}>
          {(p) => (
            <>
              <input {...p} list="plan-owners" value={owner} onChange={(e) => setOwner(e.target.value)} />
              <datalist id="plan-owners">
                {owners.map((o) => (
                  <option key={o} value={o} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={t('plan.field.dueDate')}>
          {(p) => (
            <input {...p} type="date" required value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          )}
        </Field>
        <fieldset className="group wide">
          <legend>{t('plan.field.dependencies')}</legend>
          {others.length === 0 ? (
            <p className="muted small">{t('plan.noOtherItem')}</p>
          ) : (
            <div className="checklist" role="group" tabIndex={0} aria-label={t('plan.field.dependencies')}>
              {others.map((o) => {
                const checked = dependencies.includes(o.id);
                const loop = !checked && wouldCycle(items, item.id, o.id);
                return (
                  <label key={o.id} className="choice">
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={loop}
                      onChange={(e) =>
                        setDependencies(
                          e.target.checked ? [...dependencies, o.id] : dependencies.filter((d) => d !== o.id),
                        )
                      }
                    />
                    <span>
                      {o.title}
                      {loop && <span className="muted small"> — {t('plan.wouldLoop')}</span>}
                    </span>
                  </label>
                );
              })}
            </div>
          )}
        </fieldset>
        <div className="actions wide">
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || Object.keys(patch).length === 0}>
            {busy ? t('app.saving') : t('plan.saveItem')}
          </button>
        </div>
      </form>
      <section aria-labelledby="split-title" className="split">
        <h3 id="split-title">{t('plan.split')}</h3>
        {item.sources.length < 2 ? (
          <p className="muted small">{t('plan.splitNeedsTwo')}</p>
        ) : (
          <>
            <p className="small muted">{t('plan.splitHint')}</p>
            <table className="table compact">
              <TableHead columns={['plan.source', 'plan.part']} />
              <tbody>
                {item.sources.map((s) => (
                  <tr key={sourceKey(s)}>
                    <th scope="row">
                      <span className="badge">{t(`plan.sourceKind.${s.kind}`)}</span> {s.title}
                    </th>
                    <td>
                      <select
                        aria-label={t('plan.partOf', { title: s.title })}
                        value={partOf[sourceKey(s)] ?? 1}
                        onChange={(e) => setPartOf({ ...partOf, [sourceKey(s)]: Number(e.target.value) })}
                      >
                        {item.sources.map((_, i) => (
                          <option key={i} value={i + 1}>
                            {t('plan.partN', { n: i + 1 })}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="actions">
              <button type="button" disabled={busy || parts === undefined} onClick={() => void split()}>
                {parts === undefined ? t('plan.splitChooseParts') : t('plan.splitInto', { n: parts.length })}
              </button>
            </div>
          </>
        )}
      </section>
    </Modal>
  );
}
