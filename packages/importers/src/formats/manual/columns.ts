/** The manual pentest findings CSV template: column names, in order. Documented in the package README. */
export const MANUAL_COLUMNS = [
  'id',
  'title',
  'severity',
  'audit_type',
  'asset',
  'location_type',
  'location',
  'method',
  'param',
  'description',
  'recommendation',
  'evidence',
  'cvss_vector',
  'cvss_score',
  'cwe',
  'cve',
  'category',
  'references',
  'status',
  'tester',
  'tested_at',
] as const;

export const MANUAL_REQUIRED = ['title', 'severity', 'audit_type', 'asset', 'description'] as const;
