import type { GroupScore } from '@mica-audit/core';
import { useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { TableHead } from '../shell/table-head.tsx';

const BAR = 22;
const GAP = 10;
const LABEL = 220;
const WIDTH = 640;

/** Horizontal bars of scores (0-100) with coverage as a thin bar; the same figures follow as a table. */
export function ScoreChart({
  title,
  groups,
  labelOf,
}: {
  readonly title: string;
  readonly groups: readonly GroupScore[];
  readonly labelOf: (key: string) => string;
}) {
  const { t, number } = useI18n();
  const id = useId();
  const height = groups.length * (BAR + GAP) + GAP;
  const scale = (WIDTH - LABEL - 60) / 100;
  const pct = (v: number | null) => (v === null ? t('dash.noScore') : `${number(v, 1)} %`);
  return (
    <figure className="chart card" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <h3>{title}</h3>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-table`}
      >
        {groups.map((g, i) => {
          const y = GAP + i * (BAR + GAP);
          const label = labelOf(g.key);
          return (
            <g key={g.key}>
              <title>
                {t('dash.chartScore', { name: label, score: pct(g.score), coverage: pct(g.coverage) })}
              </title>
              <text x={LABEL - 8} y={y + BAR / 2 + 5} textAnchor="end" className="chart-label">
                {label.length > 30 ? `${label.slice(0, 29)}…` : label}
              </text>
              <rect x={LABEL} y={y} width={100 * scale} height={BAR - 6} className="chart-track" />
              <rect x={LABEL} y={y} width={(g.score ?? 0) * scale} height={BAR - 6} className="chart-bar" />
              <rect
                x={LABEL}
                y={y + BAR - 5}
                width={(g.coverage ?? 0) * scale}
                height={3}
                className="chart-coverage"
              />
              <text x={LABEL + 100 * scale + 8} y={y + BAR / 2 + 3} className="chart-value">
                {g.score === null ? '–' : number(g.score, 1)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="table compact" id={`${id}-table`}>
        <TableHead
          columns={['dash.group', 'dash.scoreHeading', 'dash.coverageHeading', 'dash.assessedHeading']}
        />
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{labelOf(g.key)}</th>
              <td>{pct(g.score)}</td>
              <td>{pct(g.coverage)}</td>
              <td>
                {g.assessed} / {g.applicable}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
