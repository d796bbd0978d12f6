/** PNG checks for the chart tests: decoded through resvg (an SVG that shows the PNG), so no PNG library is needed. */
import { Resvg } from '@resvg/resvg-js';

/** Pixels darker than light grey in an RGBA buffer: text, bars and lines, not the white background. */
export function inkPixels(rgba: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if ((rgba[i] ?? 255) < 200 || (rgba[i + 1] ?? 255) < 200 || (rgba[i + 2] ?? 255) < 200) count += 1;
  }
  return count;
}

/** The size of a PNG from its IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR')
    return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The ink pixels of a PNG, decoded by resvg. */
export function pngInk(png: Buffer): number {
  const size = pngSize(png);
  if (size === null) return 0;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}"><image width="${size.width}" height="${size.height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return inkPixels(new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels);
}
