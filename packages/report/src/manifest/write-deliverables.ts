/** Writes deliverables into a folder and updates its manifest. */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '@mica-audit/core';
import { buildModel } from '../model/build-model.ts';
import {
  bundledCatalogue,
  deliverableName,
  renderFromModel,
  type RenderOptions,
  type ReportFormat,
} from '../render.ts';
import { parseSnapshot, type ReportLang } from '../snapshot.schema.ts';
import { MANIFEST_FILE, manifestEntry, readManifest, writeManifest, type ManifestEntry } from './manifest.ts';

export interface WriteOptions extends RenderOptions {
  readonly formats: readonly ReportFormat[];
  readonly lang: ReportLang;
  readonly outDir: string;
}

export interface WriteResult {
  readonly files: readonly ManifestEntry[];
  readonly manifest: string;
}

/**
 * Renders the formats asked for, writes them to `outDir` and updates `manifest.json` there: entries for the files
 * written are replaced, others kept. A manifest from another engagement is an error, not something to merge into.
 */
export async function writeDeliverables(snapshot: unknown, options: WriteOptions): Promise<WriteResult> {
  const valid = parseSnapshot(snapshot);
  const model = buildModel(valid, options.catalogue ?? (await bundledCatalogue()));
  await mkdir(options.outDir, { recursive: true });
  const previous = existsSync(join(options.outDir, MANIFEST_FILE))
    ? await readManifest(options.outDir)
    : null;
  if (previous !== null && previous.engagementId !== valid.engagement.id) {
    throw new DomainError(
      'report.manifest_conflict',
      `${options.outDir} holds deliverables of engagement ${previous.engagementId}, not ${valid.engagement.id}; write to an empty folder`,
      { kind: 'conflict' },
    );
  }
  const written: ManifestEntry[] = [];
  for (const format of [...new Set(options.formats)]) {
    const data = await renderFromModel(model, format, options.lang);
    const file = deliverableName(valid, format, options.lang);
    await writeFile(join(options.outDir, file), data);
    written.push(manifestEntry(file, data));
  }
  const names = new Set(written.map((w) => w.file));
  const files = [...(previous?.files ?? []).filter((f) => !names.has(f.file)), ...written];
  await writeManifest(options.outDir, {
    manifestVersion: 1,
    engagementId: valid.engagement.id,
    reportVersion: valid.engagement.reportVersion,
    issuedOn: valid.engagement.reportDate,
    auditLogHead: valid.engagement.auditLogHead,
    files,
  });
  return { files: written, manifest: join(options.outDir, MANIFEST_FILE) };
}
