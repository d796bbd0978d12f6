import type { MappingFile, NodeEntry } from '../library.schema.ts';

/** What a converter produces: our library metadata, its nodes and optional mappings, plus what it could not map. */
export interface ConvertedLibrary {
  readonly library: Record<string, unknown>;
  readonly nodes: NodeEntry[];
  readonly mappings: MappingFile[];
  readonly report: ConversionReport;
}

export interface ConversionReport {
  readonly format: 'ciso-assistant' | 'oscal-catalog';
  readonly nodes: number;
  readonly assessable: number;
  readonly mappings: number;
  /** One line per kind of content that has no place in our format, with how often it occurred. */
  readonly unmapped: string[];
}

/** Counts occurrences of things a converter had to drop, for the report. */
export class Unmapped {
  private readonly counts = new Map<string, number>();

  add(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }

  lines(): string[] {
    return [...this.counts.entries()].sort((a, b) => b[1] - a[1]).map(([what, n]) => `${what} (${n}×)`);
  }
}

/** Turns any identifier into the lowercase ASCII our urns allow. */
export function urnSafe(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9:._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A short title from a longer text, cut at a word boundary. */
export function shortTitle(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}

/** Splits a reference such as `5.2.i.i`, `Article 5` or `1.a` into article, paragraph and point. */
export function parseArticleRef(
  ref: string,
): { article: string; paragraph?: string; point?: string } | undefined {
  const article = /^(?:article|art\.?)\s*(\d+[a-z]?)$/i.exec(ref.trim());
  if (article?.[1] !== undefined) return { article: article[1] };
  const parts = ref.trim().split('.');
  const [first, second, ...rest] = parts;
  if (first === undefined || !/^\d+[a-z]?$/.test(first)) return undefined;
  if (second === undefined) return { article: first };
  if (/^\d+$/.test(second)) {
    return rest.length === 0
      ? { article: first, paragraph: second }
      : { article: first, paragraph: second, point: rest.join('.') };
  }
  return { article: first, point: [second, ...rest].join('.') };
}

/** A scalar (string, number, boolean) as text; anything else gives undefined. */
export function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
