import type { AssessmentStatus } from '@mica-audit/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { useMe } from '../session/session.tsx';
import { EngagementNav } from '../shell/engagement-nav.tsx';
import { BulkAssign } from './assign.tsx';
import { ConflictDialog } from './conflict-dialog.tsx';
import { DetailPanel } from './detail-panel.tsx';
import { FiltersBar } from './filters-bar.tsx';
import { RequirementTree } from './requirement-tree.tsx';
import {
  assigneeChoices,
  buildItems,
  buildRows,
  itemsOfGroup,
  matches,
  NO_FILTERS,
  type Filters,
  type GroupBy,
} from './tree.ts';
import { useWorkspace } from './use-workspace.ts';

/** Performance mark the benchmark waits for: the tree is rendered and takes input. */
export const READY_MARK = 'mica:workspace-ready';

/** The assessment workspace of one engagement: filterable tree on the left, the selected requirement on the right. */
export function WorkspacePage() {
  const { t, lang } = useI18n();
  const { organisationId = '', engagementId = '' } = useParams();
  const ws = useWorkspace(organisationId, engagementId, lang);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [groupBy, setGroupBy] = useState<GroupBy>('structure');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState(-1);
  const [selectedUrn, setSelectedUrn] = useState<string | undefined>();

  const data = ws.load.kind === 'ok' ? ws.load.data : undefined;
  const items = useMemo(
    () =>
      data === undefined
        ? []
        : buildItems(data.scoping.requirements, [...ws.assessments.values()], data.evidence),
    [data, ws.assessments],
  );
  const rows = useMemo(
    () => buildRows(items, filters, groupBy, collapsed),
    [items, filters, groupBy, collapsed],
  );
  const requirementMap = useMemo(
    () => new Map((data?.scoping.requirements ?? []).map((r) => [r.urn, r])),
    [data?.scoping.requirements],
  );
  const regulations = useMemo(() => [...new Set(items.map((i) => i.requirement.regulation))], [items]);
  const domains = useMemo(
    () => [...new Set(items.flatMap((i) => i.requirement.domains))].sort((a, b) => a.localeCompare(b)),
    [items],
  );
  const shown = useMemo(
    () => new Set(rows.flatMap((r) => (r.kind === 'item' ? [r.item.requirement.urn] : []))).size,
    [rows],
  );
  const selected = items.find((i) => i.requirement.urn === selectedUrn);
  const me = useMe();
  const names = useMemo(() => new Map((data?.members ?? []).map((m) => [m.userId, m.name])), [data?.members]);
  // The team in the engagement's order, named from the organisation's members.
  const team = useMemo(
    () =>
      (data?.engagement.team ?? []).flatMap((userId) => {
        const name = names.get(userId);
        return name === undefined ? [] : [{ userId, name }];
      }),
    [data?.engagement.team, names],
  );
  const assignees = useMemo(() => assigneeChoices(team, items, names), [team, items, names]);
  const activeRow = rows[active];
  const activeGroup = activeRow?.kind === 'group' ? activeRow.key : undefined;
  const bulkTargets = useMemo(
    () =>
      activeGroup === undefined
        ? items.filter((i) => matches(i, filters))
        : itemsOfGroup(items, filters, groupBy, activeGroup),
    [activeGroup, items, filters, groupBy],
  );
  const permissions = data?.engagement.permissions ?? [];
  const canEdit = permissions.includes('assessment.update');

  useEffect(() => {
    if (data !== undefined) performance.mark(READY_MARK);
  }, [data]);

  const toggle = useCallback((key: string, expand?: boolean) => {
    setCollapsed((c) => {
      const next = new Set(c);
      const open = !c.has(key);
      if (expand ?? !open) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  const select = useCallback(
    (urn: string) => {
      setSelectedUrn(urn);
      const index = rows.findIndex((r) => r.kind === 'item' && r.item.requirement.urn === urn);
      if (index >= 0) setActive(index);
    },
    [rows],
  );

  // `?requirement=<urn>` (a finding's linked requirement) opens that requirement once the tree has rows.
  const [searchParams] = useSearchParams();
  const linkedUrn = searchParams.get('requirement');
  const [linkApplied, setLinkApplied] = useState<string | null>(null);
  useEffect(() => {
    if (linkedUrn === null || linkedUrn === linkApplied || rows.length === 0) return;
    setLinkApplied(linkedUrn);
    select(linkedUrn);
  }, [linkedUrn, linkApplied, rows.length, select]);

  const save = ws.save;
  const setStatus = useCallback(
    (urn: string, status: AssessmentStatus) => void save(urn, { status }),
    [save],
  );
  const setMaturity = useCallback(
    (urn: string, maturity: number | null) => void save(urn, { maturity }),
    [save],
  );

  if (ws.load.kind === 'loading')
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  if (ws.load.kind === 'error' || data === undefined)
    return (
      <div role="alert" className="error">
        <p>{t('app.error', { message: ws.load.kind === 'error' ? ws.load.message : '' })}</p>
        <button type="button" onClick={ws.reload}>
          {t('app.retry')}
        </button>
      </div>
    );

  return (
    <div className="workspace">
      <EngagementNav engagement={data.engagement} />
      <h2 className="sr-only">{t('ws.title')}</h2>
      <FiltersBar
        filters={filters}
        onFilters={(f) => {
          setFilters(f);
          setActive(-1);
        }}
        groupBy={groupBy}
        onGroupBy={(g) => {
          setGroupBy(g);
          setActive(-1);
        }}
        regulations={regulations}
        domains={domains}
        assignees={assignees}
        meId={me.user.id}
        shown={shown}
        total={items.length}
      />
      {canEdit && team.length > 0 && (
        <BulkAssign
          items={bulkTargets}
          scope={activeGroup === undefined ? 'shown' : 'group'}
          team={team}
          onAssign={ws.assignMany}
        />
      )}
      {ws.saveError !== undefined && (
        <p role="alert" className="error">
          {t('app.error', { message: ws.saveError })}
        </p>
      )}
      <p className="muted small" id="keyboard-help">
        {t('ws.keyboardHelp')}
      </p>
      <div className="workspace-body">
        <div className="tree-pane">
          {rows.length === 0 ? (
            <p className="muted">{t('ws.empty')}</p>
          ) : (
            <RequirementTree
              rows={rows}
              active={active}
              onActive={setActive}
              selectedUrn={selectedUrn}
              onOpen={setSelectedUrn}
              onToggle={toggle}
              onStatus={setStatus}
              onMaturity={setMaturity}
              canEdit={canEdit}
            />
          )}
        </div>
        <div className="detail-pane">
          {selected === undefined ? (
            <p className="muted card">{t('ws.noSelection')}</p>
          ) : (
            <DetailPanel
              key={selected.requirement.urn}
              item={selected}
              organisationId={organisationId}
              engagementId={engagementId}
              requirements={requirementMap}
              evidence={data.evidence}
              canEdit={canEdit}
              canUpload={permissions.includes('evidence.upload')}
              canLink={permissions.includes('evidence.link')}
              saving={ws.pending.has(selected.requirement.urn)}
              team={team}
              nameOf={(userId) => names.get(userId) ?? userId}
              onSave={(urn, change) => void ws.save(urn, change)}
              onSelect={select}
              onEvidence={ws.setEvidence}
            />
          )}
        </div>
      </div>
      {ws.conflict !== undefined && (
        <ConflictDialog
          conflict={ws.conflict}
          refOf={(urn) => {
            const r = requirementMap.get(urn);
            return r === undefined ? urn : `${r.regulation} ${r.ref}`;
          }}
          nameOf={(userId) => names.get(userId) ?? userId}
          onResolve={(choice) => void ws.resolveConflict(choice)}
        />
      )}
    </div>
  );
}
