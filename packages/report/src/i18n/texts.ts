/** Longer fixed texts of the report: methodology, verdicts and their rule, glossary. */
import type { Pair } from './labels.ts';

export const METHODOLOGY: readonly Pair[] = [
  {
    en: 'Scoping: the entity profile (legal status, home member state, crypto-asset services, issuer roles and key facts) is evaluated against the applicability rules of the mica-audit catalogue. Every requirement is kept, applicable or not, with the reason.',
    fr: "Cadrage\u00a0: le profil de l'entité (statut juridique, État membre d'origine, services sur crypto-actifs, rôles d'émetteur et données clés) est confronté aux règles d'applicabilité du référentiel mica-audit. Chaque exigence est conservée, applicable ou non, avec son motif.",
  },
  {
    en: 'Assessment: each applicable requirement is rated compliant (100), partially compliant (50) or non-compliant (0), with a maturity from 0 to 5, based on documents, interviews and evidence kept with their SHA-256 hash. Scores are weighted means of the assessed requirements; coverage is the share of applicable requirements assessed.',
    fr: "Évaluation\u00a0: chaque exigence applicable est notée conforme (100), partiellement conforme (50) ou non conforme (0), avec une maturité de 0 à 5, sur la base de documents, d'entretiens et d'éléments probants conservés avec leur empreinte SHA-256. Les scores sont des moyennes pondérées des exigences évaluées\u202f; la couverture est la part des exigences applicables évaluées.",
  },
  {
    en: 'Technical diagnosis: the audit types of the PASSI reference framework, plus smart-contract analysis where relevant; tool results are normalised, deduplicated, scored (CVSS) and linked to requirements and assets.',
    fr: "Diagnostic technique\u00a0: les types d'audit du référentiel PASSI, complétés le cas échéant par l'analyse de contrats intelligents\u202f; les résultats des outils sont normalisés, dédoublonnés, cotés (CVSS) et rattachés aux exigences et aux actifs.",
  },
  {
    en: 'Risk and action plan: risks are rated likelihood × impact (inherent and residual); recommendations are generated from gaps, findings and risks and split into quick wins and strategic projects.',
    fr: "Risques et plan d'action\u00a0: les risques sont cotés vraisemblance × impact (inhérents et résiduels)\u202f; les recommandations sont générées à partir des écarts, constats et risques, puis réparties entre actions rapides et projets stratégiques.",
  },
];

export const DEFAULT_LIMITATIONS: readonly Pair[] = [
  {
    en: 'The audit relies on the documents and access provided by the entity during the audit period; facts after the report date are not covered.',
    fr: "L'audit repose sur les documents et accès fournis par l'entité pendant la période d'audit\u202f; les faits postérieurs à la date du rapport ne sont pas couverts.",
  },
];

export type VerdictKey = 'ready' | 'conditional' | 'not-ready';

export const VERDICT_TEXT: Readonly<Record<VerdictKey, Pair>> = {
  ready: { en: 'Ready to apply for authorisation', fr: "Prête à déposer une demande d'agrément" },
  conditional: {
    en: 'Ready subject to conditions: remediate the listed gaps before filing',
    fr: 'Prête sous conditions\u00a0: corriger les écarts listés avant le dépôt',
  },
  'not-ready': { en: 'Not ready for authorisation', fr: "Pas prête pour l'agrément" },
};

export const VERDICT_RULE: readonly Pair[] = [
  {
    en: 'Not ready when any of: overall score below 60; coverage below 80 %; an open critical technical finding; a non-compliant requirement in a blocking domain (authorisation, governance, prudential, custody and safeguarding, ICT risk management).',
    fr: "Pas prête si l'un des cas suivants\u00a0: score global inférieur à 60\u202f; couverture inférieure à 80 %\u202f; un constat technique critique ouvert\u202f; une exigence non conforme dans un domaine bloquant (agrément, gouvernance, exigences prudentielles, conservation, gestion du risque TIC).",
  },
  {
    en: 'Ready when all of: overall score of at least 85; coverage of at least 95 %; no non-compliant requirement; no open critical or high finding; required own funds covered when known.',
    fr: "Prête si tous les cas suivants\u00a0: score global d'au moins 85\u202f; couverture d'au moins 95 %\u202f; aucune exigence non conforme\u202f; aucun constat critique ou élevé ouvert\u202f; fonds propres exigés couverts lorsque connus.",
  },
  { en: 'Ready subject to conditions otherwise.', fr: 'Prête sous conditions dans les autres cas.' },
];

export const VERDICT_REASONS = {
  lowScore: { en: 'overall score {value} is below 60', fr: 'le score global {value} est inférieur à 60' },
  lowCoverage: {
    en: 'coverage {value} % is below 80 %',
    fr: 'la couverture {value} % est inférieure à 80 %',
  },
  criticalFinding: { en: '{value} open critical finding(s)', fr: '{value} constat(s) critique(s) ouvert(s)' },
  blockingGap: {
    en: '{value} non-compliant requirement(s) in blocking domains',
    fr: '{value} exigence(s) non conforme(s) dans des domaines bloquants',
  },
  nonCompliant: { en: '{value} non-compliant requirement(s)', fr: '{value} exigence(s) non conforme(s)' },
  highFinding: { en: '{value} open high finding(s)', fr: '{value} constat(s) élevé(s) ouvert(s)' },
  scoreBelowReady: {
    en: 'overall score {value} is below 85',
    fr: 'le score global {value} est inférieur à 85',
  },
  coverageBelowReady: {
    en: 'coverage {value} % is below 95 %',
    fr: 'la couverture {value} % est inférieure à 95 %',
  },
  ownFundsShort: {
    en: 'own funds fall short of the requirement by EUR {value}',
    fr: "les fonds propres sont inférieurs à l'exigence de {value} EUR",
  },
  allMet: { en: 'all readiness criteria are met', fr: 'tous les critères de préparation sont remplis' },
} as const satisfies Record<string, Pair>;

export const GLOSSARY: readonly { term: string; meaning: Pair }[] = [
  {
    term: 'AMF',
    meaning: {
      en: 'Autorité des marchés financiers, the French competent authority',
      fr: 'Autorité des marchés financiers, autorité compétente française',
    },
  },
  {
    term: 'ART',
    meaning: {
      en: 'Asset-referenced token (MiCA Title III)',
      fr: 'Jeton se référant à un ou des actifs (MiCA titre III)',
    },
  },
  {
    term: 'CASP',
    meaning: {
      en: 'Crypto-asset service provider (PSCA in French)',
      fr: 'Prestataire de services sur crypto-actifs (PSCA)',
    },
  },
  {
    term: 'CVSS',
    meaning: {
      en: 'Common vulnerability scoring system (0-10)',
      fr: 'Système commun de notation des vulnérabilités (0-10)',
    },
  },
  {
    term: 'CWE',
    meaning: { en: 'Common weakness enumeration', fr: 'Classification commune des faiblesses logicielles' },
  },
  {
    term: 'DORA',
    meaning: {
      en: 'Digital Operational Resilience Act, Regulation (EU) 2022/2554',
      fr: 'Règlement sur la résilience opérationnelle numérique, (UE) 2022/2554',
    },
  },
  {
    term: 'EMT',
    meaning: { en: 'E-money token (MiCA Title IV)', fr: 'Jeton de monnaie électronique (MiCA titre IV)' },
  },
  {
    term: 'MiCA',
    meaning: {
      en: 'Markets in Crypto-Assets Regulation, Regulation (EU) 2023/1114',
      fr: 'Règlement sur les marchés de crypto-actifs, (UE) 2023/1114',
    },
  },
  { term: 'NCA', meaning: { en: 'National competent authority', fr: 'Autorité nationale compétente' } },
  {
    term: 'OSCAL',
    meaning: {
      en: "NIST's Open Security Controls Assessment Language",
      fr: "Langage ouvert d'évaluation des contrôles de sécurité du NIST",
    },
  },
  {
    term: 'PASSI',
    meaning: {
      en: 'French qualification of security audit providers (ANSSI)',
      fr: "Prestataire d'audit de la sécurité des systèmes d'information (ANSSI)",
    },
  },
  { term: 'POA&M', meaning: { en: 'Plan of action and milestones', fr: "Plan d'action et jalons" } },
  {
    term: 'RTS / ITS',
    meaning: {
      en: 'Regulatory / implementing technical standards (Level 2)',
      fr: "Normes techniques de réglementation / d'exécution (niveau 2)",
    },
  },
  {
    term: 'SHA-256',
    meaning: {
      en: 'Cryptographic hash identifying a file exactly',
      fr: 'Empreinte cryptographique identifiant exactement un fichier',
    },
  },
  { term: 'SoA', meaning: { en: 'Statement of applicability', fr: "Déclaration d'applicabilité" } },
  {
    term: 'TFR',
    meaning: {
      en: 'Transfer of funds regulation (travel rule), Regulation (EU) 2023/1113',
      fr: 'Règlement sur les transferts de fonds (règle de voyage), (UE) 2023/1113',
    },
  },
];
