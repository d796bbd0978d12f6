import { useI18n } from '../i18n/i18n.tsx';
import { MESSAGES, type MessageKey } from '../i18n/messages.ts';
import type { HeatCell, HeatMapView } from './types.ts';

export type RatingView = 'inherent' | 'residual';

export interface CellFilter {
  readonly view: RatingView;
  readonly likelihood: number;
  readonly impact: number;
}

/** Labels of the matrix axes: core's default words translated, a custom matrix's own words as they are. */
export function useAxisLabel() {
  const { t } = useI18n();
  return (axis: 'likelihood' | 'impact', word: string) => {
    const key = `risk.${axis}.${word}` as MessageKey;
    return key in MESSAGES.en ? t(key) : word;
  };
}

/**
 * The server's heat map on the engagement's own matrix: one button per cell (count of risks), inherent or
 * residual; pressing a cell filters the register to its risks. Cells above the appetite are outlined.
 */
export function HeatMap({
  map,
  view,
  onView,
  selected,
  onSelect,
}: {
  readonly map: HeatMapView;
  readonly view: RatingView;
  readonly onView: (view: RatingView) => void;
  readonly selected: CellFilter | undefined;
  readonly onSelect: (cell: CellFilter | undefined) => void;
}) {
  const { t, number } = useI18n();
  const axis = useAxisLabel();
  const cells = map[view];
  const cellAt = (likelihood: number, impact: number): HeatCell | undefined =>
    cells.find((c) => c.likelihood === likelihood && c.impact === impact);
  const likelihoods = map.likelihood.map((_, i) => map.likelihood.length - i);
  return (
    <section className="card" aria-labelledby="heatmap-title">
      <h3 id="heatmap-title">{t('risks.heatMap')}</h3>
      <fieldset className="segmented">
        <legend className="sr-only">{t('risk.ratingShown')}</legend>
        {(['inherent', 'residual'] as const).map((v) => (
          <label key={v} className={view === v ? 'on' : undefined}>
            <input type="radio" name="heat-view" value={v} checked={view === v} onChange={() => onView(v)} />
            {t(`risk.view.${v}`)}
          </label>
        ))}
      </fieldset>
      <table className="heatmap">
        <caption className="sr-only">{t('risk.heatMapCaption', { view: t(`risk.view.${view}`) })}</caption>
        <thead>
          <tr>
            <td />
            {map.impact.map((word, i) => (
              <th key={word} scope="col">
                {i + 1}
                <br />
                <span className="small">{axis('impact', word)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {likelihoods.map((l) => (
            <tr key={l}>
              <th scope="row">
                {l} <span className="small">{axis('likelihood', map.likelihood[l - 1] ?? '')}</span>
              </th>
              {map.impact.map((_, i) => {
                const impact = i + 1;
                const cell = cellAt(l, impact);
                const count = cell?.count ?? 0;
                const level = cell?.level ?? 'low';
                const isSelected =
                  selected !== undefined &&
                  selected.view === view &&
                  selected.likelihood === l &&
                  selected.impact === impact;
                const above = (cell?.score ?? l * impact) > map.appetite;
                return (
                  <td key={impact} className={`cell-${level}${above ? ' above' : ''}`}>
                    <button
                      type="button"
                      aria-pressed={isSelected}
                      aria-label={t('risk.cellLabel', {
                        likelihood: `${l} (${axis('likelihood', map.likelihood[l - 1] ?? '')})`,
                        impact: `${impact} (${axis('impact', map.impact[i] ?? '')})`,
                        count: number(count),
                        level: t(`risks.level.${level}`),
                      })}
                      onClick={() => onSelect(isSelected ? undefined : { view, likelihood: l, impact })}
                    >
                      {count > 0 ? number(count) : ''}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">
        {t('risk.axes')} {t('risk.appetiteLegend', { appetite: number(map.appetite) })}
      </p>
    </section>
  );
}
