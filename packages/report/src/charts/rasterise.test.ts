import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { inkPixels, pngSize } from '../../test/png.ts';
import { chartFontFiles, embeddedFonts, fontAt } from './chart-fonts.ts';
import { rasterise, resvgOptions } from './rasterise.ts';
import { CHART_FONT } from './render-chart.ts';

const TEXT_ONLY = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="28" style="font-size:20px;font-family:'${CHART_FONT}', serif;" fill="#000">Conformité 75,4</text></svg>`;

describe('chart fonts from the Typst compiler', () => {
  it('finds the four Libertinus Serif faces and writes them as OpenType files', async () => {
    const files = await chartFontFiles();
    expect(files).toHaveLength(4);
    const faces = files.map((f) => embeddedFonts(readFileSync(f))[0]);
    expect(faces.map((f) => f?.family)).toEqual([CHART_FONT, CHART_FONT, CHART_FONT, CHART_FONT]);
    expect(faces.map((f) => f?.subfamily)).toEqual(['Regular', 'Bold', 'Italic', 'Bold Italic']);
  });

  it('refuses bytes that only start like a font', () => {
    const fake = Buffer.concat([Buffer.from('OTTO'), Buffer.alloc(60, 0)]);
    expect(fontAt(fake, 0)).toBeNull();
    expect(embeddedFonts(fake)).toEqual([]);
  });

  it('draws text with those files and with no system font', async () => {
    const withFonts = new Resvg(TEXT_ONLY, resvgOptions(await chartFontFiles(), 1)).render();
    // Without the files nothing is drawn: proof that resvg took the options and loaded no system font.
    const without = new Resvg(TEXT_ONLY, resvgOptions([], 1)).render();
    expect(inkPixels(withFonts.pixels)).toBeGreaterThan(300);
    expect(inkPixels(without.pixels)).toBe(0);
  });

  it('renders a chart as a PNG at twice its size', async () => {
    const raster = await rasterise(TEXT_ONLY);
    expect(pngSize(raster.png)).toEqual({ width: 400, height: 80 });
    expect(raster).toMatchObject({ width: 200, height: 40 });
  });
});
