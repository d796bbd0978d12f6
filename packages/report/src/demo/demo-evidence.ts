/** Evidence files of the demo engagement (Exemple Custody SAS). Fictional. */

export interface DemoEvidence {
  readonly id: string;
  readonly fileName: string;
  readonly en: string;
  readonly fr: string;
  readonly mediaType: string;
  readonly effectiveDate: string;
  readonly expiryDate?: string;
}

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const EVIDENCE: readonly DemoEvidence[] = [
  {
    id: 'EV-01',
    fileName: 'ICT-risk-management-framework-v3.pdf',
    en: 'ICT risk management framework',
    fr: 'Cadre de gestion du risque TIC',
    mediaType: PDF,
    effectiveDate: '2026-03-12',
    expiryDate: '2027-03-12',
  },
  {
    id: 'EV-02',
    fileName: 'board-minutes-2025-2026.pdf',
    en: 'Board minutes 2025-2026',
    fr: 'Procès-verbaux du conseil 2025-2026',
    mediaType: PDF,
    effectiveDate: '2026-06-30',
  },
  {
    id: 'EV-03',
    fileName: 'own-funds-computation-2026-06.xlsx',
    en: 'Own funds computation at 30 June 2026',
    fr: 'Calcul des fonds propres au 30 juin 2026',
    mediaType: XLSX,
    effectiveDate: '2026-06-30',
    expiryDate: '2026-12-31',
  },
  {
    id: 'EV-04',
    fileName: 'custody-policy-v2.1.pdf',
    en: 'Custody and administration policy',
    fr: "Politique de conservation et d'administration",
    mediaType: PDF,
    effectiveDate: '2026-01-15',
    expiryDate: '2027-01-15',
  },
  {
    id: 'EV-05',
    fileName: 'client-positions-register-extract.xlsx',
    en: 'Register of client positions (extract)',
    fr: 'Registre des positions clients (extrait)',
    mediaType: XLSX,
    effectiveDate: '2026-09-30',
  },
  {
    id: 'EV-06',
    fileName: 'safeguarding-account-statements-q3.pdf',
    en: 'Safeguarding account statements Q3 2026',
    fr: 'Relevés du compte de cantonnement T3 2026',
    mediaType: PDF,
    effectiveDate: '2026-09-30',
  },
  {
    id: 'EV-07',
    fileName: 'key-management-procedure.pdf',
    en: 'Key management procedure (HSM)',
    fr: 'Procédure de gestion des clés (HSM)',
    mediaType: PDF,
    effectiveDate: '2025-11-02',
    expiryDate: '2026-11-02',
  },
  {
    id: 'EV-08',
    fileName: 'terms-of-business-2026.pdf',
    en: 'Terms of business and price policy',
    fr: 'Conditions générales et politique tarifaire',
    mediaType: PDF,
    effectiveDate: '2026-02-01',
  },
  {
    id: 'EV-09',
    fileName: 'complaints-register-2026.xlsx',
    en: 'Complaints register 2026',
    fr: 'Registre des réclamations 2026',
    mediaType: XLSX,
    effectiveDate: '2026-10-15',
  },
  {
    id: 'EV-10',
    fileName: 'conflicts-of-interest-policy-2023.docx',
    en: 'Conflicts of interest policy (2023)',
    fr: "Politique de gestion des conflits d'intérêts (2023)",
    mediaType: DOCX,
    effectiveDate: '2023-04-01',
    expiryDate: '2024-04-01',
  },
  {
    id: 'EV-11',
    fileName: 'ict-third-party-register.xlsx',
    en: 'Register of information on ICT third parties',
    fr: "Registre d'information sur les prestataires TIC",
    mediaType: XLSX,
    effectiveDate: '2026-07-01',
  },
  {
    id: 'EV-12',
    fileName: 'record-keeping-architecture.pdf',
    en: 'Record keeping and archiving architecture',
    fr: "Architecture de conservation et d'archivage",
    mediaType: PDF,
    effectiveDate: '2026-05-20',
  },
  {
    id: 'EV-13',
    fileName: 'travel-rule-gateway-test-report.pdf',
    en: 'Travel rule gateway test report',
    fr: 'Rapport de tests de la passerelle règle de voyage',
    mediaType: PDF,
    effectiveDate: '2026-08-28',
  },
  {
    id: 'EV-14',
    fileName: 'bcp-failover-test-2026-05.pdf',
    en: 'Failover test report, May 2026',
    fr: 'Compte rendu du test de bascule, mai 2026',
    mediaType: PDF,
    effectiveDate: '2026-05-18',
  },
  {
    id: 'EV-15',
    fileName: 'incident-2026-08-INC-042-timeline.pdf',
    en: 'Incident INC-042 timeline and reports',
    fr: "Chronologie et rapports de l'incident INC-042",
    mediaType: PDF,
    effectiveDate: '2026-09-10',
  },
];
