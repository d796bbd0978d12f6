import type { AssessmentStatus } from '../db/schema.ts';

/** The fictional audited firm: a French CASP offering custody, exchange for funds and transfers. */
export const DEMO_PROFILE = {
  name: 'Garde Numérique SAS',
  memberState: 'FR',
  legalStatus: 'casp',
  services: ['custody', 'exchange-funds', 'transfer'],
  issuance: [],
  facts: {
    activeUsersEU: 180000,
    fixedOverheadsEUR: 2400000,
    holdsClientCryptoAssets: true,
    holdsClientFunds: true,
    outsourcesOperationalFunctions: true,
  },
};

export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_USERS = [
  { email: 'lead@demo.mica-audit.test', name: 'Camille Martin (lead auditor)', role: 'admin' },
  { email: 'auditor@demo.mica-audit.test', name: 'Hugo Bernard (auditor)', role: 'auditor' },
  { email: 'ciso@demo.mica-audit.test', name: 'Inès Moreau (CISO, Garde Numérique)', role: 'contributor' },
  { email: 'board@demo.mica-audit.test', name: 'Paul Laurent (board member)', role: 'reviewer' },
] as const;

/** Assessments in every status, each with a realistic observation. Applied to the first applicable requirements. */
export const DEMO_ASSESSMENTS: readonly {
  /** URN prefix of the requirement this observation is about; then its catalogue domain, if the catalogue moved. */
  prefer: string;
  domain: string;
  status: AssessmentStatus;
  maturity: number | null;
  observation: string;
  interviewNotes: string;
}[] = [
  {
    prefer: 'urn:mica-audit:mica:art-75',
    domain: 'custody',
    status: 'compliant',
    maturity: 4,
    observation:
      'Custody policy approved by the board on 2026-03-12; segregation of client assets verified on a sample of 25 wallets.',
    interviewNotes:
      'Head of operations walked through the daily reconciliation; no breaks in the last quarter.',
  },
  {
    prefer: 'urn:mica-audit:mica:art-71',
    domain: 'complaints',
    status: 'partially-compliant',
    maturity: 2,
    observation:
      'Complaints procedure exists but response times are not monitored; 4 of 30 complaints exceeded the internal deadline.',
    interviewNotes: 'Compliance officer plans a ticketing dashboard for Q1 2027.',
  },
  {
    prefer: 'urn:mica-audit:mica:art-72',
    domain: 'conflicts',
    status: 'non-compliant',
    maturity: 1,
    observation:
      'No documented conflict-of-interest register; the exchange desk and treasury report to the same person.',
    interviewNotes: 'CEO acknowledged the gap; reorganisation is under discussion.',
  },
  {
    prefer: 'urn:mica-audit:passi:organisational-physical:physical-security',
    domain: 'third-party',
    status: 'not-applicable',
    maturity: null,
    observation:
      'The firm runs no premises hosting systems: production runs at a SecNumCloud-qualified provider, whose physical security is assessed under third-party risk.',
    interviewNotes: 'Visited the head office: no server room, badge access only.',
  },
  {
    prefer: 'urn:mica-audit:tfr:',
    domain: 'transfers',
    status: 'compliant',
    maturity: 3,
    observation:
      'Travel-rule data (originator and beneficiary) is attached to 100% of the 40 sampled outgoing transfers.',
    interviewNotes: 'Vendor solution in production since 2025-01; exceptions are reviewed weekly.',
  },
  {
    prefer: 'urn:mica-audit:dora:art-11',
    domain: 'continuity-ict',
    status: 'partially-compliant',
    maturity: 3,
    observation:
      'Business continuity plan tested in 2025, but the test did not cover the loss of the hot-wallet signing service.',
    interviewNotes: 'CISO will include key-ceremony recovery in the 2027 exercise.',
  },
  {
    prefer: 'urn:mica-audit:dora:art-28:8:exit-plans',
    domain: 'outsourcing',
    status: 'non-compliant',
    maturity: 1,
    observation: 'Outsourcing register lacks exit strategies for the cloud custody provider.',
    interviewNotes: 'Procurement holds the contracts; no exit plan was ever drafted.',
  },
];

/** Small evidence files the demo writes into the evidence store. */
export const DEMO_EVIDENCE = [
  {
    supports: 'custody',
    fileName: 'custody-policy-v3.md',
    mediaType: 'text/markdown',
    title: 'Custody and segregation policy v3',
    effectiveDate: '2026-03-12',
    expiryDate: '2027-03-12',
    content: [
      '# Custody and segregation policy (v3)',
      '',
      'Approved by the board of Garde Numérique SAS on 12 March 2026.',
      '',
      '1. Client crypto-assets are held in wallets segregated from the firm’s own assets.',
      '2. Keys are generated and stored in HSMs; signing requires 3 of 5 approvers.',
      '3. Positions are reconciled daily against on-chain balances.',
      '',
    ].join('\n'),
  },
  {
    supports: 'custody',
    fileName: 'client-asset-register-2026-10.csv',
    mediaType: 'text/csv',
    title: 'Register of client crypto-asset positions, October 2026',
    effectiveDate: '2026-10-31',
    expiryDate: null,
    content:
      'client_id,asset,amount,wallet\nC-0001,BTC,1.25000000,seg-btc-01\nC-0002,ETH,14.50000000,seg-eth-02\nC-0003,USDC,25000.00,seg-eth-02\n',
  },
  {
    supports: 'transfers',
    fileName: 'travel-rule-procedure.txt',
    mediaType: 'text/plain',
    title: 'Transfer of funds (travel rule) procedure',
    effectiveDate: '2025-01-01',
    expiryDate: '2026-12-31',
    content:
      'Every outgoing crypto-asset transfer carries originator and beneficiary information (Regulation (EU) 2023/1113).\nMissing data on incoming transfers triggers a hold and a request to the originating CASP within one business day.\n',
  },
] as const;

export const DEMO_ASSETS = [
  {
    name: 'Hot-wallet signing service',
    kind: 'application',
    criticality: 'high',
    description: 'Signs outgoing transfers; HSM-backed.',
  },
  {
    name: 'Cold storage vault',
    kind: 'infrastructure',
    criticality: 'high',
    description: 'Air-gapped HSMs, 3-of-5 quorum.',
  },
  {
    name: 'Client portal',
    kind: 'application',
    criticality: 'medium',
    description: 'Web and mobile front end, EUR on-ramp.',
  },
  {
    name: 'Travel-rule gateway',
    kind: 'application',
    criticality: 'medium',
    description: 'Vendor SaaS exchanging originator data.',
  },
] as const;

export const DEMO_FINDINGS = [
  {
    title: 'TLS 1.0 enabled on the client portal load balancer',
    severity: 'medium',
    cvss: 5.3,
    source: 'testssl',
    asset: 2,
  },
  {
    title: 'Outdated OpenSSL in the signing service image (CVE-2024-5535)',
    severity: 'high',
    cvss: 7.5,
    source: 'trivy',
    asset: 0,
  },
  {
    title: 'Hard-coded API key in the portal repository',
    severity: 'high',
    cvss: 8.1,
    source: 'gitleaks',
    asset: 2,
  },
] as const;
