/** Every fixed string of the deliverables, in English and French. A missing translation is a type error. */
import type { ReportLang } from '../snapshot.schema.ts';

export interface Pair {
  readonly en: string;
  readonly fr: string;
}

export const LABELS = {
  reportTitle: { en: 'MiCA compliance audit report', fr: "Rapport d'audit de conformité MiCA" },
  client: { en: 'Client', fr: 'Client' },
  auditFirm: { en: 'Audit firm', fr: "Cabinet d'audit" },
  leadAuditor: { en: 'Lead auditor', fr: 'Auditeur principal' },
  engagement: { en: 'Engagement', fr: 'Mission' },
  period: { en: 'Audit period', fr: "Période d'audit" },
  reportDate: { en: 'Report date', fr: 'Date du rapport' },
  version: { en: 'Version', fr: 'Version' },
  confidentiality: { en: 'Confidentiality', fr: 'Confidentialité' },
  contents: { en: 'Contents', fr: 'Table des matières' },
  page: { en: 'Page', fr: 'Page' },
  to: { en: 'to', fr: 'au' },
  from: { en: 'from', fr: 'du' },
  none: { en: 'None', fr: 'Aucun' },
  noDomainScored: {
    en: 'No requirement has been assessed yet: scores by domain will appear after the first assessments.',
    fr: "Aucune exigence n'a encore été évaluée\u00a0: les scores par domaine apparaîtront après les premières évaluations.",
  },
  yes: { en: 'yes', fr: 'oui' },
  no: { en: 'no', fr: 'non' },
  notAvailable: { en: 'n/a', fr: 'n.d.' },
  // section titles
  secSummary: { en: 'Executive summary', fr: 'Synthèse' },
  secScope: { en: 'Scope and methodology', fr: 'Périmètre et méthodologie' },
  secSoa: { en: 'Statement of applicability', fr: "Déclaration d'applicabilité" },
  secResults: { en: 'Compliance results', fr: 'Résultats de conformité' },
  secGaps: { en: 'Gaps and evidence', fr: 'Écarts et éléments probants' },
  secFindings: { en: 'Technical findings', fr: 'Constats techniques' },
  secRisks: { en: 'Risk assessment', fr: 'Appréciation des risques' },
  secActions: { en: 'Action plan', fr: "Plan d'action" },
  secPrudential: { en: 'Own funds requirement', fr: 'Exigence de fonds propres' },
  secIncidents: { en: 'ICT incidents', fr: 'Incidents TIC' },
  secAnnexes: { en: 'Annexes', fr: 'Annexes' },
  secEvidenceIndex: { en: 'Evidence index', fr: 'Index des éléments probants' },
  secGlossary: { en: 'Glossary', fr: 'Glossaire' },
  // summary
  overallScore: { en: 'Overall compliance score', fr: 'Score global de conformité' },
  coverage: { en: 'Assessment coverage', fr: "Couverture de l'évaluation" },
  maturity: { en: 'Average maturity (0-5)', fr: 'Maturité moyenne (0-5)' },
  applicableReqs: { en: 'Applicable requirements', fr: 'Exigences applicables' },
  openFindings: { en: 'Open technical findings', fr: 'Constats techniques ouverts' },
  risksAboveAppetite: { en: 'Risks above appetite', fr: "Risques au-delà de l'appétence" },
  verdict: { en: 'Readiness for authorisation', fr: "Préparation à l'agrément" },
  verdictRule: { en: 'How the verdict is decided', fr: 'Règle de décision' },
  scoresByDomain: { en: 'Scores by domain', fr: 'Scores par domaine' },
  scoresByTitle: { en: 'Scores by title', fr: 'Scores par titre' },
  scoresByArticle: { en: 'Scores by article', fr: 'Scores par article' },
  topRisks: { en: 'Top risks', fr: 'Principaux risques' },
  topQuickWins: { en: 'Top quick wins', fr: 'Principales actions rapides' },
  progress: { en: 'Progress since the previous round', fr: 'Progrès depuis le cycle précédent' },
  previousScore: { en: 'Previous score', fr: 'Score précédent' },
  currentScore: { en: 'Current score', fr: 'Score actuel' },
  delta: { en: 'Change', fr: 'Évolution' },
  // scope
  entityProfile: { en: 'Entity profile', fr: "Profil de l'entité" },
  legalName: { en: 'Legal name', fr: 'Dénomination' },
  memberState: { en: 'Home member state', fr: "État membre d'origine" },
  legalStatus: { en: 'Legal status', fr: 'Statut juridique' },
  services: { en: 'Crypto-asset services', fr: 'Services sur crypto-actifs' },
  service: { en: 'Service', fr: 'Service' },
  definition: { en: 'Definition (MiCA Art. 3(1)(16))', fr: 'Définition (MiCA art. 3(1)(16))' },
  point: { en: 'Point', fr: 'Point' },
  issuance: { en: 'Issuance roles', fr: "Rôles d'émission" },
  keyFacts: { en: 'Key facts', fr: 'Données clés' },
  fact: { en: 'Fact', fr: 'Donnée' },
  value: { en: 'Value', fr: 'Valeur' },
  regulations: { en: 'Applicable regulations', fr: 'Réglementations applicables' },
  regulation: { en: 'Regulation', fr: 'Règlement' },
  catalogueVersion: { en: 'Catalogue version', fr: 'Version du référentiel' },
  auditTypes: { en: 'Technical audit types performed', fr: "Types d'audit technique réalisés" },
  methodology: { en: 'Methodology', fr: 'Méthodologie' },
  limitations: { en: 'Limitations', fr: 'Limites' },
  scopingWarnings: { en: 'Scoping warnings', fr: 'Avertissements de cadrage' },
  // SoA and results
  ref: { en: 'Ref.', fr: 'Réf.' },
  requirement: { en: 'Requirement', fr: 'Exigence' },
  applicable: { en: 'Applicable', fr: 'Applicable' },
  reason: { en: 'Reason', fr: 'Motif' },
  status: { en: 'Status', fr: 'Statut' },
  score: { en: 'Score', fr: 'Score' },
  domain: { en: 'Domain', fr: 'Domaine' },
  title: { en: 'Title', fr: 'Titre' },
  article: { en: 'Article', fr: 'Article' },
  assessed: { en: 'Assessed', fr: 'Évalués' },
  statusBreakdown: { en: 'Status of applicable requirements', fr: 'Statut des exigences applicables' },
  soaIntro: {
    en: 'Every requirement of the catalogue is listed, applicable or not, with the reason scoping gave for it.',
    fr: 'Chaque exigence du référentiel figure ci-dessous, applicable ou non, avec le motif retenu lors du cadrage.',
  },
  soaCount: { en: 'requirements, of which applicable:', fr: 'exigences, dont applicables\u00a0:' },
  // gaps
  observation: { en: 'Observation', fr: 'Observation' },
  interviewNotes: { en: 'Interview notes', fr: "Notes d'entretien" },
  evidence: { en: 'Evidence', fr: 'Éléments probants' },
  noEvidence: { en: 'No evidence provided.', fr: 'Aucun élément probant fourni.' },
  assessor: { en: 'Assessor', fr: 'Évaluateur' },
  fileName: { en: 'File', fr: 'Fichier' },
  sha256: { en: 'SHA-256', fr: 'SHA-256' },
  effective: { en: 'Effective', fr: 'En vigueur' },
  expires: { en: 'Expires', fr: 'Expiration' },
  size: { en: 'Size', fr: 'Taille' },
  mediaType: { en: 'Type', fr: 'Type' },
  linkedRequirements: { en: 'Requirements', fr: 'Exigences' },
  gapsIntro: {
    en: 'Requirements assessed non-compliant or partially compliant, most severe first, with the evidence reviewed.',
    fr: 'Exigences évaluées non conformes ou partiellement conformes, les plus graves en premier, avec les éléments probants examinés.',
  },
  // findings
  severity: { en: 'Severity', fr: 'Sévérité' },
  auditType: { en: 'Audit type', fr: "Type d'audit" },
  tool: { en: 'Tool', fr: 'Outil' },
  rule: { en: 'Rule', fr: 'Règle' },
  cvss: { en: 'CVSS', fr: 'CVSS' },
  cwe: { en: 'CWE', fr: 'CWE' },
  location: { en: 'Location', fr: 'Emplacement' },
  asset: { en: 'Asset', fr: 'Actif' },
  description: { en: 'Description', fr: 'Description' },
  remediation: { en: 'Remediation', fr: 'Remédiation' },
  findingsMatrix: { en: 'Findings by audit type and severity', fr: "Constats par type d'audit et sévérité" },
  mostSevere: { en: 'Most severe findings in detail', fr: 'Constats les plus graves en détail' },
  allFindings: { en: 'Open findings, most severe first', fr: 'Constats ouverts, les plus graves en premier' },
  total: { en: 'Total', fr: 'Total' },
  truncatedNote: {
    en: 'Only the first {shown} of {total} rows are printed here; the Excel workbook lists them all.',
    fr: 'Seules les {shown} premières lignes sur {total} figurent ici\u202f; le classeur Excel les contient toutes.',
  },
  // risks
  riskMatrix: { en: 'Risk heat map (residual)', fr: 'Carte de chaleur des risques (résiduels)' },
  risk: { en: 'Risk', fr: 'Risque' },
  threat: { en: 'Threat', fr: 'Menace' },
  inherent: { en: 'Inherent', fr: 'Inhérent' },
  residual: { en: 'Residual', fr: 'Résiduel' },
  treatment: { en: 'Treatment', fr: 'Traitement' },
  owner: { en: 'Owner', fr: 'Responsable' },
  nextReview: { en: 'Next review', fr: 'Prochaine revue' },
  likelihood: { en: 'Likelihood', fr: 'Vraisemblance' },
  impact: { en: 'Impact', fr: 'Impact' },
  appetite: {
    en: 'Risk appetite (residual score tolerated)',
    fr: 'Appétence au risque (score résiduel toléré)',
  },
  aboveAppetite: { en: 'above appetite', fr: "au-delà de l'appétence" },
  riskRegister: { en: 'Risk register', fr: 'Registre des risques' },
  // actions
  quickWins: { en: 'Quick wins', fr: 'Actions rapides' },
  strategicProjects: { en: 'Strategic projects', fr: 'Projets stratégiques' },
  otherActions: { en: 'Other actions', fr: 'Autres actions' },
  timeline: { en: 'Timeline', fr: 'Calendrier' },
  priority: { en: 'Priority', fr: 'Priorité' },
  effort: { en: 'Effort', fr: 'Effort' },
  due: { en: 'Due', fr: 'Échéance' },
  action: { en: 'Action', fr: 'Action' },
  sources: { en: 'Sources', fr: 'Origines' },
  actionsIntro: {
    en: 'Recommendations generated from the gaps, findings and risks, prioritised by regulatory criticality × risk × severity (0-100).',
    fr: 'Recommandations issues des écarts, constats et risques, priorisées selon criticité réglementaire × risque × sévérité (0-100).',
  },
  // prudential
  annexClass: { en: 'Annex IV class', fr: "Classe de l'annexe IV" },
  permanentMinimum: {
    en: 'Permanent minimum capital (Art. 67(1)(a))',
    fr: 'Capital minimum permanent (art. 67(1)(a))',
  },
  fixedOverheads: {
    en: 'Fixed overheads of the preceding year',
    fr: "Frais généraux fixes de l'exercice précédent",
  },
  overheadsQuarter: {
    en: 'One quarter of fixed overheads (Art. 67(1)(b))',
    fr: 'Un quart des frais généraux fixes (art. 67(1)(b))',
  },
  requiredOwnFunds: {
    en: 'Required prudential safeguards (Art. 67(1))',
    fr: 'Garanties prudentielles exigées (art. 67(1))',
  },
  ownFundsHeld: { en: 'Own funds held', fr: 'Fonds propres détenus' },
  surplus: { en: 'Surplus (shortfall)', fr: 'Excédent (insuffisance)' },
  prudentialNotApplicable: {
    en: 'MiCA Art. 67 does not apply to this entity: it provides crypto-asset services by notification (Art. 60) or not at all.',
    fr: "L'article 67 de MiCA ne s'applique pas à cette entité\u00a0: elle fournit des services sur crypto-actifs par notification (art. 60) ou n'en fournit pas.",
  },
  prudentialRule: {
    en: 'The requirement is the higher of the Annex IV permanent minimum of the highest-class service and a quarter of the preceding year’s fixed overheads (MiCA Art. 67(1)), held as own funds, an insurance policy or both (Art. 67(4)).',
    fr: "L'exigence est le montant le plus élevé entre le capital minimum permanent de la classe de service la plus élevée (annexe IV) et un quart des frais généraux fixes de l'exercice précédent (MiCA art. 67(1)), détenu sous forme de fonds propres, d'une police d'assurance ou des deux (art. 67(4)).",
  },
  // incidents
  incident: { en: 'Incident', fr: 'Incident' },
  awareAt: { en: 'Aware at', fr: 'Détecté le' },
  classification: { en: 'Classification', fr: 'Classification' },
  notMajor: { en: 'not major', fr: 'non majeur' },
  initialReport: { en: 'Initial notification', fr: 'Notification initiale' },
  intermediateReport: { en: 'Intermediate report', fr: 'Rapport intermédiaire' },
  finalReport: { en: 'Final report', fr: 'Rapport final' },
  criteriaMet: { en: 'Materiality criteria met', fr: 'Critères de matérialité atteints' },
  noIncidents: {
    en: 'No ICT incident was recorded for the period.',
    fr: "Aucun incident TIC n'a été enregistré sur la période.",
  },
  // annex
  term: { en: 'Term', fr: 'Terme' },
  meaning: { en: 'Meaning', fr: 'Signification' },
  generatedBy: {
    en: 'Generated by mica-audit from engagement',
    fr: 'Généré par mica-audit à partir de la mission',
  },
  auditLogHead: { en: 'Audit log head', fr: "Tête du journal d'audit" },
  remediate: { en: 'Remediate', fr: 'Remédier à' },
  fixFinding: { en: 'Fix', fr: 'Corriger' },
  treatRisk: { en: 'Treat risk', fr: 'Traiter le risque' },
  findingsCount: { en: '{count} findings', fr: '{count} constats' },
  id: { en: 'Id', fr: 'Id' },
  deadline: { en: 'Deadline', fr: 'Échéance' },
  sent: { en: 'Sent', fr: 'Envoyé' },
  major: { en: 'major', fr: 'majeur' },
  charts: { en: 'Charts', fr: 'Graphiques' },
  figureRadar: { en: 'Compliance score by domain (0-100)', fr: 'Score de conformité par domaine (0-100)' },
  figureTitles: {
    en: 'Compliance score by title or chapter (0-100)',
    fr: 'Score de conformité par titre ou chapitre (0-100)',
  },
  figureHeatmap: {
    en: 'Residual risks by likelihood and impact (number of risks)',
    fr: 'Risques résiduels par vraisemblance et impact (nombre de risques)',
  },
  figureFindings: {
    en: 'Open findings by audit type and severity',
    fr: "Constats ouverts par type d'audit et sévérité",
  },
  figureTimeline: {
    en: 'Open actions by due month and kind',
    fr: "Actions ouvertes par mois d'échéance et par nature",
  },
  gapsTruncated: {
    en: 'The {shown} most severe of {total} gaps are detailed here; the Excel workbook lists them all.',
    fr: 'Les {shown} écarts les plus graves sur {total} sont détaillés ici\u202f; le classeur Excel les contient tous.',
  },
  managementResponse: { en: 'Interview notes', fr: "Notes d'entretien" },
  regulationTitle: { en: 'Official title', fr: 'Intitulé officiel' },
  requirements: { en: 'Requirements', fr: 'Exigences' },
  level: { en: 'Level', fr: 'Niveau' },
  daysFromReport: { en: 'days after the report date', fr: 'jours après la date du rapport' },
  figureGantt: {
    en: 'Planned window of the 20 most urgent open actions (ends on the due date; lead time by effort)',
    fr: "Fenêtre planifiée des 20 actions ouvertes les plus urgentes (fin à l'échéance\u202f; durée selon l'effort)",
  },
  expired: { en: 'expired', fr: 'expiré' },
  figure: { en: 'Figure', fr: 'Figure' },
  recordId: { en: 'Workspace id', fr: "Identifiant dans l'espace de travail" },
  /** The colon between a label and its value: French puts a no-break space before it. */
  colon: { en: ': ', fr: '\u00a0: ' },
  kind: { en: 'Kind', fr: 'Nature' },
} as const satisfies Record<string, Pair>;

export type LabelKey = keyof typeof LABELS;

/** The label in one language, with `{name}` placeholders filled from `vars`. */
export function t(
  lang: ReportLang,
  key: LabelKey,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  return LABELS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** Every label resolved in one language, for templates. */
export function labelsFor(lang: ReportLang): Record<LabelKey, string> {
  const out = {} as Record<LabelKey, string>;
  for (const key of Object.keys(LABELS) as LabelKey[]) out[key] = LABELS[key][lang];
  return out;
}
