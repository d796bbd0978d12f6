/** Chart SVGs as PNG for the Word report, drawn by resvg with the chart font from the Typst compiler only. */
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { chartFontFiles } from './chart-fonts.ts';
import { CHART_FONT } from './render-chart.ts';

export interface RasterChart {
  readonly png: Buffer;
  /** Size of the SVG in CSS pixels (the PNG is `scale` times larger). */
  readonly width: number;
  readonly height: number;
}

/**
 * resvg options that load exactly `fontFiles` and no system font. resvg's node binding silently falls back to its
 * defaults (system fonts included) when the options carry a key it does not know, so only known keys are set here
 * and a test checks that text disappears without the files.
 */
export function resvgOptions(fontFiles: readonly string[], scale: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [...fontFiles],
      defaultFontFamily: CHART_FONT,
      serifFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
    },
  };
}

/**
 * Renders an ECharts SVG to PNG at `scale` times its size (2 by default: sharp on screen and in print at the width
 * Word shows it), on white so the chart reads the same on any page colour. resvg renders on libuv's thread pool, so
 * several charts rendered together use every core.
 */
export async function rasterise(svg: string, scale = 2): Promise<RasterChart> {
  const image = await renderAsync(svg, resvgOptions(await chartFontFiles(), scale));
  return { png: image.asPng(), width: image.width / scale, height: image.height / scale };
}
