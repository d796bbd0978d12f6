import { ASSESSMENT_STATUSES, type AssessmentStatus } from '@mica-audit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useDomainLabel, useI18n, type Translate } from '../i18n/i18n.tsx';
import { moveIndex, type Row, type WorkItem } from './tree.ts';

const ROW_HEIGHT = 44;

export interface TreeProps {
  readonly rows: readonly Row[];
  readonly active: number;
  readonly onActive: (index: number) => void;
  readonly selectedUrn: string | undefined;
  readonly onOpen: (urn: string) => void;
  readonly onToggle: (key: string, expand?: boolean) => void;
  readonly onStatus: (urn: string, status: AssessmentStatus) => void;
  readonly onMaturity: (urn: string, maturity: number | null) => void;
  readonly canEdit: boolean;
}

function groupLabel(
  row: Extract<Row, { kind: 'group' }>,
  t: Translate,
  domain: (id: string) => string,
): string {
  switch (row.level) {
    case 'regulation':
      return row.regulation;
    case 'title': {
      const title = row.title;
      if (title === undefined || title.kind === 'other') return t('tree.other');
      return t(
        title.kind === 'annex' ? 'tree.annex' : title.kind === 'title' ? 'tree.title' : 'tree.chapter',
        {
          ref: title.ref,
        },
      );
    }
    case 'article':
      return /^annex/i.test(row.article ?? '')
        ? (row.article ?? '')
        : t('tree.article', { ref: row.article ?? '' });
    case 'domain':
      return domain(row.domain ?? '');
  }
}

/**
 * The requirements as a virtualised tree grid: only the rows in view are in the DOM, so 450+ requirements scroll
 * and filter smoothly. Focus stays on the grid; the active row is announced through aria-activedescendant.
 */
export function RequirementTree(props: TreeProps) {
  const { t } = useI18n();
  const domain = useDomainLabel();
  const { rows, active, onActive, onOpen, onToggle, onStatus, onMaturity, canEdit } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    if (active >= 0) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, virtualizer]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    const row = rows[active];
    const key = event.key;
    if (key === 'ArrowDown' || key === 'j') onActive(moveIndex(active, 1, rows.length));
    else if (key === 'ArrowUp' || key === 'k') onActive(moveIndex(active, -1, rows.length));
    else if (key === 'Home') onActive(rows.length > 0 ? 0 : -1);
    else if (key === 'End') onActive(rows.length - 1);
    else if (key === 'PageDown') onActive(moveIndex(active, 10, rows.length));
    else if (key === 'PageUp') onActive(moveIndex(active, -10, rows.length));
    else if (row?.kind === 'group' && (key === 'Enter' || key === ' ')) onToggle(row.key);
    else if (row?.kind === 'group' && key === 'ArrowRight') onToggle(row.key, true);
    else if (row?.kind === 'group' && key === 'ArrowLeft') onToggle(row.key, false);
    else if (row?.kind === 'item' && key === 'Enter') onOpen(row.item.requirement.urn);
    else if (row?.kind === 'item' && canEdit && !event.shiftKey && /^[1-5]$/.test(key)) {
      const status = ASSESSMENT_STATUSES[Number(key) - 1];
      if (status !== undefined) onStatus(row.item.requirement.urn, status);
    } else if (row?.kind === 'item' && canEdit && event.shiftKey && /^Digit[0-5]$/.test(event.code))
      onMaturity(row.item.requirement.urn, Number(event.code.slice(5)));
    else return;
    event.preventDefault();
  }

  const activeRow = rows[active];
  return (
    <div
      ref={scroller}
      className="tree"
      role="treegrid"
      aria-label={t('ws.treeLabel')}
      aria-rowcount={rows.length}
      aria-activedescendant={activeRow === undefined ? undefined : rowId(activeRow.key)}
      aria-readonly={!canEdit}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index];
          if (row === undefined) return null;
          const style = { transform: `translateY(${v.start}px)`, height: ROW_HEIGHT };
          return row.kind === 'group' ? (
            <div
              key={row.key}
              id={rowId(row.key)}
              role="row"
              aria-level={row.depth}
              aria-expanded={row.expanded}
              aria-rowindex={v.index + 1}
              className={`row group level-${row.level}${v.index === active ? ' active' : ''}`}
              style={style}
              onClick={() => {
                onActive(v.index);
                onToggle(row.key);
              }}
            >
              <div
                role="gridcell"
                className="cell-main"
                style={{ paddingLeft: `${(row.depth - 1) * 1.1 + 0.5}rem` }}
              >
                <span className="chevron" aria-hidden="true">
                  {row.expanded ? '▾' : '▸'}
                </span>
                {groupLabel(row, t, domain)}
              </div>
              <div role="gridcell" className="cell-count">
                {row.count}
              </div>
            </div>
          ) : (
            <ItemRow
              key={row.key}
              id={rowId(row.key)}
              item={row.item}
              depth={row.depth}
              index={v.index}
              active={v.index === active}
              selected={props.selectedUrn === row.item.requirement.urn}
              style={style}
              canEdit={canEdit}
              onSelect={() => {
                onActive(v.index);
                onOpen(row.item.requirement.urn);
              }}
              onStatus={onStatus}
              onMaturity={onMaturity}
            />
          );
        })}
      </div>
    </div>
  );
}

function rowId(key: string): string {
  return `row-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}

interface ItemRowProps {
  readonly id: string;
  readonly item: WorkItem;
  readonly depth: number;
  readonly index: number;
  readonly active: boolean;
  readonly selected: boolean;
  readonly style: CSSProperties;
  readonly canEdit: boolean;
  readonly onSelect: () => void;
  readonly onStatus: (urn: string, status: AssessmentStatus) => void;
  readonly onMaturity: (urn: string, maturity: number | null) => void;
}

// Memoised: changing one status re-renders one row, not the twenty in view.
const ItemRow = memo(function ItemRow(props: ItemRowProps) {
  const { t } = useI18n();
  const { item, canEdit } = props;
  const r = item.requirement;
  const a = item.assessment;
  return (
    <div
      id={props.id}
      role="row"
      aria-level={props.depth}
      aria-rowindex={props.index + 1}
      aria-selected={props.selected}
      className={`row item status-${a.status}${props.active ? ' active' : ''}${props.selected ? ' selected' : ''}`}
      style={props.style}
      onClick={props.onSelect}
    >
      <div
        role="gridcell"
        className="cell-main"
        title={`${r.ref} ${r.title}`}
        style={{ paddingLeft: `${(props.depth - 1) * 1.1 + 0.5}rem` }}
      >
        <span className="ref">{r.ref}</span> <span className="req-title">{r.title}</span>
      </div>
      <div role="gridcell" className="cell-evidence">
        {item.evidence > 0 && (
          <span className="badge" title={t('ws.evidenceCount', { n: item.evidence })}>
            {t('ws.evidenceCount', { n: item.evidence })}
          </span>
        )}
      </div>
      <div role="gridcell" className="cell-status">
        <select
          tabIndex={-1}
          aria-label={t('ws.statusOf', { ref: r.ref })}
          className={`status-select status-${a.status}`}
          value={a.status}
          disabled={!canEdit}
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => props.onStatus(r.urn, e.target.value as AssessmentStatus)}
        >
          {ASSESSMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div role="gridcell" className="cell-maturity">
        <select
          tabIndex={-1}
          aria-label={t('ws.maturityOf', { ref: r.ref })}
          value={a.maturity ?? ''}
          disabled={!canEdit}
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => props.onMaturity(r.urn, e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">{t('maturity.none')}</option>
          {[0, 1, 2, 3, 4, 5].map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
});
