export type * from './finding.ts';
export { SEVERITIES, FINDING_STATUSES, AUDIT_TYPES, ASSET_KINDS, EVIDENCE_MAX } from './finding.ts';
export type { Format, ParsedFile, ParseOptions } from './format.ts';
export {
  FORMATS,
  DEFAULT_MAX_BYTES,
  detectFormat,
  detectFileFormat,
  formatByName,
  importFile,
  parseContent,
} from './registry.ts';
export type { ImportOptions, ImportProgress, ImportResult } from './registry.ts';
export { reconcile } from './reconcile.ts';
export type { ReconcileResult, ReconcileScope } from './reconcile.ts';
export { fingerprint } from './fingerprint.ts';
export {
  DEFAULT_MAPPING_PATH,
  loadMappingRules,
  parseMappingTable,
  validateMappingTargets,
} from './mapping/rules.ts';
export type { MappingRule } from './mapping/rules.ts';
export { applyMapping, requirementsFor } from './mapping/match.ts';
