/**
 * Checking delivered files against a report manifest in the browser, with the rules of `mica-audit report verify`
 * (packages/report/src/manifest/manifest.ts): a listed file is altered when its size or SHA-256 differs, missing
 * when it was not given; a given file the manifest does not list is extra; `manifest.json` itself is never extra.
 * The hashing (WebCrypto) happens in the page; this module only compares.
 */
import type { Manifest, VerifyResult } from '@mica-audit/report';

type ManifestEntry = Manifest['files'][number];

export const MANIFEST_NAME = 'manifest.json';

export type FileState = 'intact' | 'altered' | 'missing' | 'extra';

/** A file given by the user, hashed. */
export interface GivenFile {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

export interface CheckedFile {
  readonly file: string;
  readonly state: FileState;
  /** What the manifest says (absent for an extra file). */
  readonly expected?: ManifestEntry | undefined;
  /** What was given (absent for a missing file). */
  readonly actual?: GivenFile | undefined;
}

export interface Verification extends VerifyResult {
  /** Every file of the manifest in its order, then the extra files by name. */
  readonly files: readonly CheckedFile[];
}

/** A manifest that cannot be read: `path` names the field, as the CLI's `report.manifest_invalid` does. */
export class ManifestError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(path === '' ? message : `${path}: ${message}`);
    this.name = 'ManifestError';
    this.path = path;
  }
}

const HEX64 = /^[0-9a-f]{64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEYS = ['manifestVersion', 'engagementId', 'reportVersion', 'issuedOn', 'auditLogHead', 'files'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw new ManifestError(path, 'expected a non-empty string');
  return value;
}

function entryOf(value: unknown, index: number): ManifestEntry {
  const path = `files[${index}]`;
  if (!isRecord(value)) throw new ManifestError(path, 'expected an object { file, sha256, size }');
  for (const key of Object.keys(value))
    if (!['file', 'sha256', 'size'].includes(key))
      throw new ManifestError(`${path}.${key}`, 'unexpected field');
  const file = nonEmpty(value.file, `${path}.file`);
  if (typeof value.sha256 !== 'string' || !HEX64.test(value.sha256))
    throw new ManifestError(`${path}.sha256`, 'expected 64 lower-case hexadecimal characters');
  if (typeof value.size !== 'number' || !Number.isInteger(value.size) || value.size < 0)
    throw new ManifestError(`${path}.size`, 'expected a whole number of bytes');
  return { file, sha256: value.sha256, size: value.size };
}

/**
 * Reads a manifest.json text with the report package's schema rules (strict: an unknown field means the manifest
 * was edited). Throws ManifestError naming the field.
 */
export function parseManifest(text: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ManifestError('', 'not valid JSON: the manifest itself was altered or this is another file');
  }
  if (!isRecord(value)) throw new ManifestError('', 'expected a JSON object');
  for (const key of Object.keys(value))
    if (!KEYS.includes(key)) throw new ManifestError(key, 'unexpected field');
  if (value.manifestVersion !== 1) throw new ManifestError('manifestVersion', 'expected 1');
  const issuedOn = nonEmpty(value.issuedOn, 'issuedOn');
  if (!DATE.test(issuedOn) || Number.isNaN(Date.parse(issuedOn)))
    throw new ManifestError('issuedOn', 'expected a date YYYY-MM-DD');
  if (!Array.isArray(value.files)) throw new ManifestError('files', 'expected an array');
  const files = value.files.map(entryOf);
  return {
    manifestVersion: 1,
    engagementId: nonEmpty(value.engagementId, 'engagementId'),
    reportVersion: nonEmpty(value.reportVersion, 'reportVersion'),
    issuedOn,
    auditLogHead: nonEmpty(value.auditLogHead, 'auditLogHead'),
    files,
  };
}

/** Compares the given files with the manifest. A name given twice counts once (the last one given). */
export function verifyFiles(manifest: Manifest, given: readonly GivenFile[]): Verification {
  const byName = new Map(given.map((g) => [g.name, g]));
  const files: CheckedFile[] = manifest.files.map((expected) => {
    const actual = byName.get(expected.file);
    if (actual === undefined) return { file: expected.file, state: 'missing', expected };
    const intact = actual.size === expected.size && actual.sha256 === expected.sha256;
    return { file: expected.file, state: intact ? 'intact' : 'altered', expected, actual };
  });
  const listed = new Set(manifest.files.map((f) => f.file));
  const extra = [...byName.values()]
    .filter((g) => g.name !== MANIFEST_NAME && !listed.has(g.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const actual of extra) files.push({ file: actual.name, state: 'extra', actual });
  const named = (state: FileState) => files.filter((f) => f.state === state).map((f) => f.file);
  const altered = named('altered');
  const missing = named('missing');
  return {
    ok: altered.length === 0 && missing.length === 0 && extra.length === 0,
    auditLogHead: manifest.auditLogHead,
    checked: manifest.files.length,
    altered,
    missing,
    extra: extra.map((g) => g.name),
    files,
  };
}

/** Lower-case hex of a digest (WebCrypto answers an ArrayBuffer). */
export function hex(digest: ArrayBuffer): string {
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
