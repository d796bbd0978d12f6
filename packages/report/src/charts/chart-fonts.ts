/**
 * The chart font for raster output, taken from the Typst compiler so the DOCX charts use the PDF's font and no
 * system font. The typst.ts node compiler embeds Typst's default fonts (Libertinus Serif, New Computer Modern,
 * DejaVu Sans Mono) as plain OpenType files inside its native module and exposes no API to read them, so they are
 * located in that module by their OpenType table directory and checked (table bounds, `head` magic number, family
 * name) before use. The package ships no font file of its own.
 *
 * resvg's node binding loads fonts from files only (no buffers), so the faces are written once to a cache folder in
 * the system temporary directory, named by their SHA-256, and reused by every later process.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { DomainError } from '@mica-audit/core';
import { CHART_FONT } from './render-chart.ts';

export interface EmbeddedFont {
  readonly family: string;
  readonly subfamily: string;
  readonly data: Buffer;
}

const CFF_SIGNATURE = Buffer.from('OTTO');
const TRUETYPE_SIGNATURE = Buffer.from([0, 1, 0, 0]);
const HEAD_MAGIC = 0x5f0f3cf5;
/** The faces the charts use: ECharts draws in the regular face and bolds titles. */
const FACES = ['Regular', 'Bold', 'Italic', 'Bold Italic'] as const;

/** A name-table string (UTF-16BE on the Windows platform), or undefined. */
function nameString(data: Buffer, table: number, nameId: number): string | undefined {
  const count = data.readUInt16BE(table + 2);
  const strings = table + data.readUInt16BE(table + 4);
  for (let i = 0; i < count; i += 1) {
    const record = table + 6 + 12 * i;
    if (data.readUInt16BE(record) !== 3 || data.readUInt16BE(record + 6) !== nameId) continue;
    const start = strings + data.readUInt16BE(record + 10);
    const raw = Buffer.from(data.subarray(start, start + data.readUInt16BE(record + 8)));
    return raw.swap16().toString('utf16le');
  }
  return undefined;
}

/** The OpenType font starting at `at`, or null when the bytes there are not one (most signature hits are not). */
export function fontAt(data: Buffer, at: number): EmbeddedFont | null {
  if (at + 12 > data.length) return null;
  const tables = data.readUInt16BE(at + 4);
  if (tables < 4 || tables > 64 || data.readUInt16BE(at + 6) !== 16 * 2 ** Math.floor(Math.log2(tables)))
    return null;
  let end = 0;
  let head = -1;
  let name = -1;
  let previous = '';
  for (let i = 0; i < tables; i += 1) {
    const record = at + 12 + 16 * i;
    if (record + 16 > data.length) return null;
    const tag = data.toString('latin1', record, record + 4);
    // The table directory is sorted by tag; anything else is not a font.
    if (!/^[A-Za-z0-9/ ]{4}$/.test(tag) || tag <= previous) return null;
    previous = tag;
    const offset = data.readUInt32BE(record + 8);
    end = Math.max(end, offset + data.readUInt32BE(record + 12));
    if (tag === 'head') head = offset;
    if (tag === 'name') name = offset;
  }
  if (head < 0 || name < 0 || at + end > data.length) return null;
  if (data.readUInt32BE(at + head + 12) !== HEAD_MAGIC) return null;
  const font = data.subarray(at, at + end);
  const family = nameString(font, name, 1);
  const subfamily = nameString(font, name, 2);
  if (family === undefined || subfamily === undefined) return null;
  return { family, subfamily, data: Buffer.from(font) };
}

/** Every OpenType font embedded in `data` (a native module, or a font file itself). */
export function embeddedFonts(data: Buffer): EmbeddedFont[] {
  const fonts: EmbeddedFont[] = [];
  for (const signature of [CFF_SIGNATURE, TRUETYPE_SIGNATURE]) {
    for (let at = data.indexOf(signature); at >= 0; at = data.indexOf(signature, at + 1)) {
      const font = fontAt(data, at);
      if (font !== null) {
        fonts.push(font);
        at += font.data.length - 1;
      }
    }
  }
  return fonts;
}

/** The path of the loaded typst.ts native module (loaded by the import above, so it is in the require cache). */
function typstModulePath(): string | undefined {
  void NodeCompiler;
  const cache = createRequire(import.meta.url).cache;
  return Object.keys(cache).find((path) => /typst-ts-node-compiler[^/\\]*\.node$/.test(path));
}

/** Writes `data` under `dir` as `<sha256>.otf` unless an intact copy is there; returns the path. */
async function cached(dir: string, data: Buffer): Promise<string> {
  const hash = createHash('sha256').update(data).digest('hex');
  const path = join(dir, `${hash}.otf`);
  const existing = await readFile(path).catch(() => null);
  if (existing === null || createHash('sha256').update(existing).digest('hex') !== hash) {
    // Written aside then renamed, so a concurrent process never reads half a font.
    const partial = `${path}.${process.pid}.part`;
    await writeFile(partial, data);
    await rename(partial, path);
  }
  return path;
}

async function extract(): Promise<string[]> {
  const path = typstModulePath();
  const fonts = path === undefined ? [] : embeddedFonts(await readFile(path));
  const faces = FACES.map((face) => fonts.find((f) => f.family === CHART_FONT && f.subfamily === face));
  if (faces.some((f) => f === undefined)) {
    throw new DomainError(
      'report.chart_fonts_missing',
      `the ${CHART_FONT} font was not found in the Typst compiler's native module (${path ?? 'not loaded'}); the DOCX charts need it. Reinstall @myriaddreamin/typst-ts-node-compiler, or report the installed version if it no longer embeds its fonts`,
      { kind: 'internal' },
    );
  }
  // One folder per user: another user's folder in a shared temporary directory may not be writable.
  const dir = join(tmpdir(), `mica-audit-chart-fonts-${process.getuid?.() ?? 'user'}`);
  await mkdir(dir, { recursive: true });
  return Promise.all(faces.map((f) => cached(dir, f!.data)));
}

let loaded: Promise<string[]> | undefined;

/**
 * The files of the regular, bold, italic and bold italic faces of the chart font, extracted once per process (the
 * native module is read asynchronously: a server renders reports between requests). A failure is not cached.
 */
export function chartFontFiles(): Promise<string[]> {
  loaded ??= extract().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
