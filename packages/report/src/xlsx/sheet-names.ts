/** Sheet names of the workbook (Excel limits them to 31 characters). */
import type { ReportLang } from '../snapshot.schema.ts';

export const SHEET_KEYS = [
  'applicability',
  'assessments',
  'findings',
  'risks',
  'actions',
  'evidence',
] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export const SHEET_NAMES: Readonly<Record<ReportLang, Readonly<Record<SheetKey, string>>>> = {
  en: {
    applicability: 'Applicability',
    assessments: 'Assessments',
    findings: 'Findings',
    risks: 'Risks',
    actions: 'Action plan',
    evidence: 'Evidence index',
  },
  fr: {
    applicability: 'Applicabilité',
    assessments: 'Évaluations',
    findings: 'Constats',
    risks: 'Risques',
    actions: "Plan d'action",
    evidence: 'Index des preuves',
  },
};
