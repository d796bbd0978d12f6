import { useCallback } from 'react';
import { useParams } from 'react-router';
import { api, query } from '../api/client.ts';
import type { Engagement, Member } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import { HeatMap, type CellFilter, type RatingView } from './heat-map.tsx';
import { useQueryParams } from './query-params.ts';
import { RegisterHead, useRegisterEditor } from './register-page.tsx';
import { RiskEditor } from './risk-editor.tsx';
import { RiskTable } from './risk-table.tsx';
import type { HeatMapView, RiskPage } from './types.ts';
import { engagementPath } from './use-register.ts';
import './registers.css';

/** Every risk the listing returns with these filters (its first page carries the matrix, appetite and assets). */
async function loadRisks(
  path: string,
  filters: Readonly<Record<string, string | undefined>>,
  signal: AbortSignal,
): Promise<RiskPage> {
  const first = await api<RiskPage>('GET', `${path}${query({ ...filters, page: 1, pageSize: 500 })}`, {
    signal,
  });
  const items = [...first.items];
  for (let page = 2; items.length < first.total; page += 1) {
    const next = await api<RiskPage>('GET', `${path}${query({ ...filters, page, pageSize: 500 })}`, {
      signal,
    });
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return { ...first, items };
}

function readCell(text: string | null, view: RatingView): CellFilter | undefined {
  const match = /^(\d+)-(\d+)$/.exec(text ?? '');
  return match === null ? undefined : { view, likelihood: Number(match[1]), impact: Number(match[2]) };
}

/** The risk register: heat map (inherent or residual; a cell filters the list), filters, create, edit, delete. */
export function RisksPage() {
  const { t, number } = useI18n();
  const { organisationId = '', engagementId = '' } = useParams();
  const [params, setParam] = useQueryParams();
  const base = engagementPath(organisationId, engagementId);
  const view: RatingView = params.get('view') === 'residual' ? 'residual' : 'inherent';
  const cell = readCell(params.get('cell'), view);
  const aboveAppetite = params.get('aboveAppetite') === 'true' ? 'true' : undefined;
  const overdue = params.get('overdue') === 'true' ? 'true' : undefined;
  const editor = useRegisterEditor('risk');
  const [engagement] = useLoad((signal) => api<Engagement>('GET', base, { signal }), [base]);
  const [risks, reloadRisks] = useLoad(
    (signal) => loadRisks(`${base}/risks`, { aboveAppetite, overdue }, signal),
    [base, aboveAppetite, overdue],
  );
  const [heat, reloadHeat] = useLoad(
    (signal) => api<HeatMapView>('GET', `${base}/risks/heat-map`, { signal }),
    [base],
  );
  const [members] = useLoad(
    (signal) => api<Member[]>('GET', `/api/organisations/${organisationId}/members`, { signal }),
    [organisationId],
  );
  const reload = useCallback(() => {
    reloadRisks();
    reloadHeat();
  }, [reloadRisks, reloadHeat]);

  if (engagement.kind !== 'ok') return <Status state={engagement} />;
  if (risks.kind !== 'ok') return <Status state={risks} onRetry={reloadRisks} />;
  const canManage = engagement.value.permissions.includes('risk.manage');
  const heatCell =
    cell === undefined || heat.kind !== 'ok'
      ? undefined
      : heat.value[cell.view].find((c) => c.likelihood === cell.likelihood && c.impact === cell.impact);
  const shown =
    heatCell === undefined
      ? risks.value.items
      : risks.value.items.filter((r) => heatCell.riskIds.includes(r.id));
  const target = editor.target(risks.value.items, canManage);
  const context = {
    engagement: engagement.value,
    matrix: risks.value.matrix,
    appetite: risks.value.appetite,
    assets: risks.value.assets,
    members: members.kind === 'ok' ? members.value : [],
  };
  return (
    <div>
      <RegisterHead
        engagement={engagement.value}
        title={t('risks.title')}
        newLabel={t('risk.new')}
        onNew={canManage ? editor.create : undefined}
        notice={editor.notice}
      />
      <div className="risk-register-layout">
        {heat.kind === 'ok' ? (
          <HeatMap
            map={heat.value}
            view={view}
            onView={(v) => setParam({ view: v === 'inherent' ? undefined : v, cell: undefined })}
            selected={cell}
            onSelect={(c) => setParam({ cell: c === undefined ? undefined : `${c.likelihood}-${c.impact}` })}
          />
        ) : (
          <Status state={heat} onRetry={reloadHeat} />
        )}
        <section className="card" aria-labelledby="register-title">
          <h3 id="register-title">{t('risks.register')}</h3>
          <div className="filters-row" role="group" aria-label={t('ws.filters')}>
            <label className="chip">
              <input
                type="checkbox"
                checked={aboveAppetite !== undefined}
                onChange={(e) => setParam({ aboveAppetite: e.target.checked ? 'true' : undefined })}
              />
              {t('risk.filterAbove', { appetite: number(risks.value.appetite) })}
            </label>
            <label className="chip">
              <input
                type="checkbox"
                checked={overdue !== undefined}
                onChange={(e) => setParam({ overdue: e.target.checked ? 'true' : undefined })}
              />
              {t('risk.filterOverdue')}
            </label>
            {cell !== undefined && (
              <button type="button" onClick={() => setParam({ cell: undefined })}>
                {t('risk.clearCell', { likelihood: cell.likelihood, impact: cell.impact })}
              </button>
            )}
            <span className="count" role="status">
              {t('risk.count', { shown: number(shown.length), total: number(risks.value.total) })}
            </span>
          </div>
          <RiskTable
            base={base}
            risks={shown}
            members={context.members}
            canManage={canManage}
            selectedId={editor.editingId}
            onEdit={(r) => editor.edit(r.id)}
            onDeleted={(message) => {
              editor.setNotice(message);
              reload();
            }}
          />
        </section>
      </div>
      {target !== undefined && (
        <RiskEditor
          key={target.key}
          context={context}
          risk={target.record}
          onClose={editor.close}
          onSaved={(saved) => {
            editor.saved(t('risk.saved', { title: saved.title }));
            reload();
          }}
          onAssetAdded={reloadRisks}
        />
      )}
    </div>
  );
}
