/** The entry points of the package: render one deliverable to bytes, in one language. */
import { loadValidCatalogue } from '@mica-audit/catalog';
import type { Catalogue } from '@mica-audit/core';
import { renderDocxFromView } from './docx/render-docx.ts';
import { exportSnapshotJson } from './json/snapshot-json.ts';
import { buildModel, type ReportModel } from './model/build-model.ts';
import { assessmentResults } from './oscal/assessment-results.ts';
import { planOfActionAndMilestones } from './oscal/poam.ts';
import { renderPdfFromView } from './pdf/render-pdf.ts';
import { parseSnapshot, type ReportLang } from './snapshot.schema.ts';
import { buildView } from './view/build-view.ts';
import { renderXlsx } from './xlsx/render-xlsx.ts';

export const FORMATS = ['pdf', 'docx', 'xlsx', 'json', 'oscal-ar', 'oscal-poam'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export { deliverableName, LANGUAGE_DEPENDENT } from './manifest/deliverable-name.ts';

export interface RenderOptions {
  /** The catalogue the engagement was scoped against; the bundled one when absent. */
  readonly catalogue?: Catalogue;
}

let bundled: Promise<Catalogue> | undefined;

/** The bundled catalogue, loaded once per process. */
export function bundledCatalogue(): Promise<Catalogue> {
  bundled ??= loadValidCatalogue();
  return bundled;
}

/** Renders one deliverable from an already built model. */
export async function renderFromModel(
  model: ReportModel,
  format: ReportFormat,
  lang: ReportLang,
): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return renderPdfFromView(buildView(model, lang));
    case 'docx':
      return renderDocxFromView(buildView(model, lang));
    case 'xlsx':
      return renderXlsx(model, lang);
    case 'json':
      return Buffer.from(exportSnapshotJson(model.snapshot), 'utf8');
    case 'oscal-ar':
      return Buffer.from(`${JSON.stringify(assessmentResults(model), null, 2)}\n`, 'utf8');
    case 'oscal-poam':
      return Buffer.from(`${JSON.stringify(planOfActionAndMilestones(model), null, 2)}\n`, 'utf8');
  }
}

/**
 * Renders one deliverable of a snapshot in one language. The snapshot is validated first; the same snapshot always
 * gives the same bytes (dates come from the snapshot, never from the clock).
 */
export async function renderReport(
  snapshot: unknown,
  format: ReportFormat,
  lang: ReportLang,
  options: RenderOptions = {},
): Promise<Buffer> {
  const valid = parseSnapshot(snapshot);
  const model = buildModel(valid, options.catalogue ?? (await bundledCatalogue()));
  return renderFromModel(model, format, lang);
}
