export * from './snapshot.schema.ts';
export {
  renderReport,
  renderFromModel,
  deliverableName,
  bundledCatalogue,
  FORMATS,
  LANGUAGE_DEPENDENT,
  type ReportFormat,
  type RenderOptions,
} from './render.ts';
export { writeDeliverables, type WriteOptions, type WriteResult } from './manifest/write-deliverables.ts';
export {
  verifyManifest,
  readManifest,
  MANIFEST_FILE,
  type Manifest,
  type VerifyResult,
} from './manifest/manifest.ts';
export { exportSnapshotJson, importSnapshotJson } from './json/snapshot-json.ts';
export { assessmentResults } from './oscal/assessment-results.ts';
export { planOfActionAndMilestones } from './oscal/poam.ts';
export { buildModel, type ReportModel } from './model/build-model.ts';
export { decideVerdict, VERDICT_THRESHOLDS, BLOCKING_DOMAINS, type Verdict } from './model/verdict.ts';
export { demoSnapshot, loadDemoSnapshot } from './demo/demo-snapshot.ts';
export { scaleSnapshot, type ScaleOptions } from './demo/scale-snapshot.ts';
export { PDF_STANDARD } from './pdf/render-pdf.ts';
