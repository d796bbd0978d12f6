/**
 * The file names of the deliverables: readable and stable, so a client keeps them as they are, e.g.
 * `mica-audit_exemple-custody-sas_mica-authorisation-readiness-audit_2026-11-13_fr.pdf`. Only lowercase ASCII
 * letters, digits, "-", "_" and one "." before the extension, so every file system and archive takes them unchanged.
 */
import type { ReportFormat } from '../render.ts';
import type { EngagementSnapshot, ReportLang } from '../snapshot.schema.ts';

export const NAME_PREFIX = 'mica-audit';
/** Bounds that keep a full name near 160 characters, well inside Windows' 260-character paths. */
export const MAX_ENTITY_SLUG = 40;
export const MAX_ENGAGEMENT_SLUG = 60;

/** Letters that Unicode decomposition does not reduce to ASCII. */
const SPELLED_OUT: Readonly<Record<string, string>> = {
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

/**
 * A text as a file-name part: accents dropped, lowercase ASCII words joined by "-", cut at a word boundary to `max`
 * characters; `fallback` when nothing of the text is ASCII (a name written in Greek, say).
 */
export function slug(text: string, max: number, fallback: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, (char) => SPELLED_OUT[char] ?? ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= max) return ascii === '' ? fallback : ascii;
  const cut = ascii.slice(0, max);
  const boundary = ascii[max] === '-' ? max : cut.lastIndexOf('-');
  return (boundary > max / 2 ? cut.slice(0, boundary) : cut).replace(/-+$/, '');
}

/** Formats whose content depends on the report language; the others are the same in every language. */
export const LANGUAGE_DEPENDENT: ReadonlySet<ReportFormat> = new Set(['pdf', 'docx', 'xlsx']);

const KIND: Readonly<Record<ReportFormat, string>> = {
  pdf: '.pdf',
  docx: '.docx',
  xlsx: '.xlsx',
  json: '_snapshot.json',
  'oscal-ar': '_oscal-assessment-results.json',
  'oscal-poam': '_oscal-poam.json',
};

/**
 * The file name of a deliverable: `mica-audit_<entity>_<engagement>_<report date>[_<lang>]<kind>`. The language is
 * named only for the formats whose content depends on it (PDF, Word, Excel), so the names of one engagement's
 * deliverables never collide within a folder and sort together.
 */
export function deliverableName(
  snapshot: EngagementSnapshot,
  format: ReportFormat,
  lang: ReportLang,
): string {
  const e = snapshot.engagement;
  const entity = slug(snapshot.profile.name, MAX_ENTITY_SLUG, slug(e.clientName, MAX_ENTITY_SLUG, 'entity'));
  const engagement = slug(e.title, MAX_ENGAGEMENT_SLUG, slug(e.id, MAX_ENGAGEMENT_SLUG, 'engagement'));
  const language = LANGUAGE_DEPENDENT.has(format) ? `_${lang}` : '';
  return `${NAME_PREFIX}_${entity}_${engagement}_${e.reportDate}${language}${KIND[format]}`;
}
