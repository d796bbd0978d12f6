/** The normalised model every importer produces: findings and the assets they concern. */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_STATUSES = ['open', 'fixed', 'accepted', 'false-positive'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const AUDIT_TYPES = [
  'code-review',
  'configuration',
  'architecture',
  'intrusion-test',
  'organisational',
  'smart-contract',
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export type CvssVersion = '3.1' | '4.0' | '3.0' | '2.0';

export interface Cvss {
  readonly version: CvssVersion;
  readonly vector?: string;
  readonly score?: number;
  /** Who scored it when the tool gives several (`nvd`, `redhat`, `ghsa`…). */
  readonly source?: string;
}

/** Where the issue is. One variant per kind of target; `none` when the tool gives no location. */
export type FindingLocation =
  | {
      readonly kind: 'file';
      readonly file: string;
      readonly line?: number;
      readonly column?: number;
      readonly endLine?: number;
      readonly commit?: string;
    }
  | { readonly kind: 'url'; readonly url: string; readonly method?: string; readonly param?: string }
  | { readonly kind: 'host'; readonly host: string; readonly port?: number; readonly protocol?: string }
  | {
      readonly kind: 'cloud';
      readonly provider: string;
      readonly account?: string;
      readonly region?: string;
      readonly resourceId: string;
    }
  | {
      readonly kind: 'contract';
      readonly contract: string;
      readonly function?: string;
      readonly file?: string;
      readonly line?: number;
    }
  | { readonly kind: 'package'; readonly name: string; readonly version?: string; readonly target?: string }
  | { readonly kind: 'none' };

export interface StatusChange {
  readonly status: FindingStatus;
  readonly at: string;
  readonly reason?: string;
}

export interface Finding {
  /** SHA-256 over normalised tool + rule + location: stable across re-imports of the same issue. */
  readonly fingerprint: string;
  readonly tool: string;
  readonly toolVersion?: string;
  readonly ruleId: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  /** The tool's own severity word or score, as given. */
  readonly rawSeverity?: string;
  readonly cvss?: Cvss;
  /** Every score the tool gave when it gave several (per source or version). */
  readonly cvssAll?: readonly Cvss[];
  readonly cwe: readonly number[];
  readonly cve: readonly string[];
  readonly location: FindingLocation;
  /** Normalised asset key (host name or IP, repository, image, URL origin, cloud account…). */
  readonly asset: string;
  /** A bounded excerpt (at most EVIDENCE_MAX characters). */
  readonly evidence?: string;
  /** Category keywords used by the mapping table: secret, misconfiguration, exposure, tls… */
  readonly categories: readonly string[];
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly status: FindingStatus;
  readonly statusHistory: readonly StatusChange[];
  readonly auditType: AuditType;
  readonly references: readonly string[];
  /** Requirement URNs from the mapping table. */
  readonly requirements: readonly string[];
  /** How many raw results of the file merged into this finding. */
  readonly occurrences: number;
}

export const ASSET_KINDS = [
  'host',
  'service',
  'url',
  'repository',
  'image',
  'cloud-resource',
  'contract',
  'package',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export interface Asset {
  readonly kind: AssetKind;
  /** Normalised, stable key (lower-case host, `host:port/proto`, URL origin, ARN…). */
  readonly key: string;
  readonly name: string;
  readonly details: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

export const EVIDENCE_MAX = 2000;
