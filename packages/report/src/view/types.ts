/** The report as the templates see it: every string already in the report language, tables as rows of strings. */
import type { LabelKey } from '../i18n/labels.ts';
import type { ReportLang } from '../snapshot.schema.ts';

export interface Table {
  readonly columns: readonly string[];
  /** Relative column widths (Typst `fr` units, DOCX percentages). */
  readonly widths: readonly number[];
  readonly rows: readonly (readonly string[])[];
  /** Optional tone per row for colour coding: a status, severity or level key. */
  readonly tones?: readonly string[];
  /** Column whose cells are monospace (hashes, identifiers); -1 for none. */
  readonly mono?: number;
  readonly note?: string;
}

export interface KeyValue {
  readonly label: string;
  readonly value: string;
}

export interface Charts {
  readonly radar: string;
  readonly titles: string;
  readonly heatmap: string;
  readonly findings: string;
  readonly timeline: string;
  readonly gantt: string;
}

export interface GapView {
  readonly ref: string;
  readonly title: string;
  readonly status: string;
  readonly tone: string;
  readonly domains: string;
  readonly observation: string;
  readonly notes: readonly string[];
  readonly assessor: string;
  readonly evidence: Table | null;
}

export interface FindingDetail {
  readonly id: string;
  readonly title: string;
  readonly tone: string;
  readonly facts: readonly KeyValue[];
  readonly description: string;
  readonly remediation: string;
}

export interface ReportView {
  readonly lang: ReportLang;
  readonly labels: Readonly<Record<LabelKey, string>>;
  readonly meta: {
    readonly title: string;
    readonly engagementTitle: string;
    readonly client: string;
    readonly firm: string;
    readonly lead: string;
    readonly period: string;
    readonly reportDate: string;
    readonly version: string;
    readonly confidentiality: string;
    readonly engagementId: string;
    readonly auditLogHead: string;
    /** ISO date, for the PDF document date. */
    readonly isoDate: string;
  };
  readonly summary: {
    readonly kpis: readonly KeyValue[];
    readonly verdict: {
      readonly key: string;
      readonly text: string;
      readonly reasons: readonly string[];
      readonly rule: readonly string[];
    };
    readonly domains: Table;
    readonly topRisks: Table;
    readonly quickWins: Table;
    readonly progress: Table | null;
    readonly progressLabel: string;
  };
  readonly scope: {
    readonly profile: readonly KeyValue[];
    readonly services: Table;
    readonly facts: Table;
    readonly regulations: Table;
    readonly auditTypes: readonly string[];
    readonly methodology: readonly string[];
    readonly limitations: readonly string[];
    readonly warnings: readonly string[];
  };
  readonly soa: {
    readonly intro: string;
    readonly count: string;
    readonly groups: readonly { readonly title: string; readonly table: Table }[];
  };
  readonly results: {
    readonly titles: Table;
    readonly domains: Table;
    readonly articles: Table;
    readonly statuses: Table;
  };
  readonly gaps: { readonly intro: string; readonly items: readonly GapView[]; readonly note: string };
  readonly findings: {
    readonly matrix: Table;
    readonly detail: readonly FindingDetail[];
    readonly table: Table;
  };
  readonly risks: { readonly appetite: string; readonly register: Table };
  readonly actions: {
    readonly intro: string;
    readonly quickWins: Table;
    readonly strategic: Table;
    readonly others: Table;
  };
  readonly prudential: {
    readonly applicable: boolean;
    readonly rows: readonly KeyValue[];
    readonly rule: string;
  };
  readonly incidents: {
    readonly items: readonly { readonly title: string; readonly facts: readonly KeyValue[] }[];
  };
  readonly annex: { readonly evidence: Table; readonly glossary: Table };
  readonly charts: Charts;
  /** What each chart shows, in words and figures (alternative text for screen readers). */
  readonly chartAlt: Charts;
}
