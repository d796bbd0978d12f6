/** Translations of the fixed vocabularies that appear in deliverables: statuses, severities, kinds, levels. */
import type {
  ActionStatus,
  AssessmentStatus,
  AssetCategory,
  Effort,
  Impact,
  Kind,
  ReportStatus,
  RiskLevel,
  Treatment,
} from '@mica-audit/core';
import type { AuditType, Confidentiality, FindingSeverity, ReportLang } from '../snapshot.schema.ts';
import type { Pair } from './labels.ts';

export const ASSESSMENT_STATUS_LABELS: Readonly<Record<AssessmentStatus, Pair>> = {
  compliant: { en: 'Compliant', fr: 'Conforme' },
  'partially-compliant': { en: 'Partially compliant', fr: 'Partiellement conforme' },
  'non-compliant': { en: 'Non-compliant', fr: 'Non conforme' },
  'not-applicable': { en: 'Not applicable', fr: 'Non applicable' },
  'not-assessed': { en: 'Not assessed', fr: 'Non évalué' },
};

export const SEVERITY_LABELS: Readonly<Record<FindingSeverity, Pair>> = {
  critical: { en: 'Critical', fr: 'Critique' },
  high: { en: 'High', fr: 'Élevée' },
  medium: { en: 'Medium', fr: 'Moyenne' },
  low: { en: 'Low', fr: 'Faible' },
  info: { en: 'Info', fr: 'Info' },
};

export const FINDING_STATUS_LABELS: Readonly<Record<string, Pair>> = {
  open: { en: 'Open', fr: 'Ouvert' },
  fixed: { en: 'Fixed', fr: 'Corrigé' },
  accepted: { en: 'Accepted', fr: 'Accepté' },
  'false-positive': { en: 'False positive', fr: 'Faux positif' },
};

export const AUDIT_TYPE_LABELS: Readonly<Record<AuditType, Pair>> = {
  organisational: {
    en: 'Organisational and physical security',
    fr: 'Sécurité organisationnelle et physique',
  },
  architecture: { en: 'Architecture review', fr: "Audit d'architecture" },
  configuration: { en: 'Configuration review', fr: 'Audit de configuration' },
  'intrusion-test': { en: 'Intrusion test', fr: "Test d'intrusion" },
  'code-review': { en: 'Source-code review', fr: 'Audit de code source' },
  'smart-contract': { en: 'Smart-contract analysis', fr: 'Analyse de contrats intelligents' },
};

export const CONFIDENTIALITY_TEXT: Readonly<Record<Confidentiality, Pair>> = {
  public: { en: 'Public', fr: 'Public' },
  internal: { en: 'Internal', fr: 'Interne' },
  confidential: { en: 'Confidential', fr: 'Confidentiel' },
  restricted: { en: 'Restricted — named recipients only', fr: 'Diffusion restreinte — destinataires nommés' },
};

export const RISK_LEVEL_LABELS: Readonly<Record<RiskLevel, Pair>> = {
  low: { en: 'Low', fr: 'Faible' },
  medium: { en: 'Medium', fr: 'Moyen' },
  high: { en: 'High', fr: 'Élevé' },
  critical: { en: 'Critical', fr: 'Critique' },
};

export const TREATMENT_LABELS: Readonly<Record<Treatment, Pair>> = {
  reduce: { en: 'Reduce', fr: 'Réduire' },
  accept: { en: 'Accept', fr: 'Accepter' },
  transfer: { en: 'Transfer', fr: 'Transférer' },
  avoid: { en: 'Avoid', fr: 'Éviter' },
};

export const ASSET_CATEGORY_LABELS: Readonly<Record<AssetCategory, Pair>> = {
  'it-system': { en: 'IT system', fr: "Système d'information" },
  data: { en: 'Data', fr: 'Données' },
  people: { en: 'People', fr: 'Personnes' },
  process: { en: 'Process', fr: 'Processus' },
};

export const KIND_LABELS: Readonly<Record<Kind, Pair>> = {
  'quick-win': { en: 'Quick win', fr: 'Action rapide' },
  'strategic-project': { en: 'Strategic project', fr: 'Projet stratégique' },
  'fill-in': { en: 'Fill-in', fr: "Action d'appoint" },
  'low-priority': { en: 'Low priority', fr: 'Faible priorité' },
};

export const EFFORT_LABELS: Readonly<Record<Effort, Pair>> = {
  S: { en: 'S (days)', fr: 'S (jours)' },
  M: { en: 'M (weeks)', fr: 'M (semaines)' },
  L: { en: 'L (months)', fr: 'L (mois)' },
};

export const IMPACT_LABELS: Readonly<Record<Impact, Pair>> = {
  low: { en: 'Low', fr: 'Faible' },
  medium: { en: 'Medium', fr: 'Moyen' },
  high: { en: 'High', fr: 'Élevé' },
};

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, Pair>> = {
  open: { en: 'Open', fr: 'Ouverte' },
  'in-progress': { en: 'In progress', fr: 'En cours' },
  blocked: { en: 'Blocked', fr: 'Bloquée' },
  done: { en: 'Done', fr: 'Terminée' },
  'source-resolved': { en: 'Source resolved', fr: 'Origine résolue' },
};

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, Pair>> = {
  'not-required': { en: 'Not required', fr: 'Non requis' },
  'awaiting-classification': { en: 'Awaiting classification', fr: 'En attente de classification' },
  'awaiting-previous-report': { en: 'Awaiting previous report', fr: 'En attente du rapport précédent' },
  pending: { en: 'Pending', fr: 'À venir' },
  overdue: { en: 'Overdue', fr: 'En retard' },
  'sent-on-time': { en: 'Sent on time', fr: 'Envoyé dans les délais' },
  'sent-late': { en: 'Sent late', fr: 'Envoyé en retard' },
};

/** The default matrix's axis labels; custom matrices keep their own words. */
export const MATRIX_LABELS: Readonly<Record<string, Pair>> = {
  rare: { en: 'Rare', fr: 'Rare' },
  unlikely: { en: 'Unlikely', fr: 'Peu probable' },
  possible: { en: 'Possible', fr: 'Possible' },
  likely: { en: 'Likely', fr: 'Probable' },
  'almost-certain': { en: 'Almost certain', fr: 'Quasi certain' },
  negligible: { en: 'Negligible', fr: 'Négligeable' },
  minor: { en: 'Minor', fr: 'Mineur' },
  moderate: { en: 'Moderate', fr: 'Modéré' },
  major: { en: 'Major', fr: 'Majeur' },
  severe: { en: 'Severe', fr: 'Grave' },
};

export const FACT_LABELS: Readonly<Record<string, Pair>> = {
  activeUsersEU: { en: 'Active users in the Union', fr: "Utilisateurs actifs dans l'Union" },
  fixedOverheadsEUR: { en: 'Fixed overheads (EUR)', fr: 'Frais généraux fixes (EUR)' },
  ownFundsEUR: { en: 'Own funds held (EUR)', fr: 'Fonds propres détenus (EUR)' },
  holdsClientCryptoAssets: { en: 'Holds client crypto-assets', fr: 'Détient des crypto-actifs de clients' },
  holdsClientFunds: { en: 'Holds client funds', fr: 'Détient des fonds de clients' },
  outsourcesOperationalFunctions: {
    en: 'Outsources operational functions',
    fr: 'Externalise des fonctions opérationnelles',
  },
  smartContracts: { en: 'Relies on smart contracts', fr: "S'appuie sur des contrats intelligents" },
  usesSubCustodians: { en: 'Uses sub-custodians', fr: 'Recourt à des sous-conservateurs' },
  providesPaymentServices: { en: 'Provides payment services', fr: 'Fournit des services de paiement' },
  microenterprise: { en: 'Microenterprise (DORA)', fr: 'Microentreprise (DORA)' },
};

/** A vocabulary word in one language; words the table does not know are shown as given. */
export function word(table: Readonly<Record<string, Pair>>, key: string, lang: ReportLang): string {
  return table[key]?.[lang] ?? key;
}
