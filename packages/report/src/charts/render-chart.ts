/** ECharts server-side rendering to SVG strings, made byte-stable across renders in one process. */
import * as echarts from 'echarts';

export const CHART_FONT = 'Libertinus Serif';
/**
 * The font list written into the SVGs: Typst and resvg find the first, Word (which draws the SVG of the DOCX
 * charts with the reader's fonts) falls back to a serif it has.
 */
const CHART_FONT_STACK = `'${CHART_FONT}', Cambria, Georgia, serif`;

/** Colours shared by the charts and the templates (Typst reads them from the data file). */
export const PALETTE = {
  ink: '#1f2a44',
  accent: '#1d5fa7',
  muted: '#8a94a6',
  grid: '#d9dee7',
  compliant: '#2e7d32',
  partial: '#f2a900',
  nonCompliant: '#c62828',
  notAssessed: '#9e9e9e',
  notApplicable: '#cfd8dc',
  low: '#7cb342',
  medium: '#fbc02d',
  high: '#f57c00',
  critical: '#c62828',
  info: '#90a4ae',
} as const;

/**
 * ECharts numbers its CSS classes and clip paths with a global instance counter (`zr3-cls-0`), so the same chart
 * rendered twice differs. Renumbering by first appearance makes the SVG depend on the chart alone.
 */
export function stableIds(svg: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/zr\d+-([A-Za-z]+)-(\d+)/g, (match, kind: string) => {
    let id = seen.get(match);
    if (id === undefined) {
      id = `c-${kind}-${seen.size}`;
      seen.set(match, id);
    }
    return id;
  });
}

/** Renders one ECharts option to an SVG string, without animation, in the report font. */
export function renderChart(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: CHART_FONT_STACK, color: PALETTE.ink },
      ...option,
    });
    return stableIds(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
