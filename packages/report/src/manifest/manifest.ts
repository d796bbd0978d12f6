/**
 * The manifest of a deliverables folder: every file with its SHA-256 and size, and the audit-log head hash at issue
 * time, so a recipient can check that nothing was altered, removed or slipped in.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DomainError } from '@mica-audit/core';

export const MANIFEST_FILE = 'manifest.json';

const entrySchema = z.strictObject({
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
});
export const manifestSchema = z.strictObject({
  manifestVersion: z.literal(1),
  engagementId: z.string().min(1),
  reportVersion: z.string().min(1),
  issuedOn: z.iso.date(),
  auditLogHead: z.string().min(1),
  files: z.array(entrySchema),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = z.infer<typeof entrySchema>;

export interface VerifyResult {
  readonly ok: boolean;
  readonly auditLogHead: string;
  readonly checked: number;
  readonly altered: readonly string[];
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function manifestEntry(file: string, data: Buffer): ManifestEntry {
  return { file, sha256: sha256(data), size: data.length };
}

/** Reads and validates `manifest.json` of a folder; throws `report.manifest_missing` / `report.manifest_invalid`. */
export async function readManifest(dir: string): Promise<Manifest> {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) {
    throw new DomainError(
      'report.manifest_missing',
      `no ${MANIFEST_FILE} in ${dir}; verify the folder the deliverables were issued in`,
      { kind: 'not_found' },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new DomainError(
      'report.manifest_invalid',
      `${path} is not valid JSON; the manifest itself was altered`,
      { cause },
    );
  }
  const result = manifestSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DomainError(
      'report.manifest_invalid',
      `${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}; the manifest itself was altered`,
    );
  }
  return result.data;
}

/** Writes the manifest with entries sorted by file name (so its own bytes are reproducible). */
export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await mkdir(dir, { recursive: true });
  const files = [...manifest.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify({ ...manifest, files }, null, 2)}\n`);
}

/** Checks every file of the manifest and names any altered, missing or extra file. */
export async function verifyManifest(dir: string): Promise<VerifyResult> {
  const manifest = await readManifest(dir);
  const altered: string[] = [];
  const missing: string[] = [];
  for (const entry of manifest.files) {
    const path = join(dir, entry.file);
    if (!existsSync(path)) {
      missing.push(entry.file);
      continue;
    }
    const data = await readFile(path);
    if (data.length !== entry.size || sha256(data) !== entry.sha256) altered.push(entry.file);
  }
  const listed = new Set(manifest.files.map((f) => f.file));
  const extra = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.name !== MANIFEST_FILE && !listed.has(e.name))
    .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
    .sort();
  return {
    ok: altered.length === 0 && missing.length === 0 && extra.length === 0,
    auditLogHead: manifest.auditLogHead,
    checked: manifest.files.length,
    altered,
    missing,
    extra,
  };
}
