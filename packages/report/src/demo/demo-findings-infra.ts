/** Synthetic findings of the demo engagement, second part: infrastructure, organisation and contracts. */
import type { FindingLocation } from '../snapshot.schema.ts';
import type { FindingTemplate } from './demo-findings.ts';

const P = 'urn:mica-audit:';
const file = (f: string, line: number): FindingLocation => ({ kind: 'file', file: f, line });
const url = (u: string, method = 'GET'): FindingLocation => ({ kind: 'url', url: u, method });
const host = (h: string, port: number): FindingLocation => ({ kind: 'host', host: h, port, protocol: 'tcp' });
const cloud = (resourceId: string): FindingLocation => ({
  kind: 'cloud',
  provider: 'aws',
  resourceId,
  region: 'eu-west-3',
});
const contract = (c: string, fn: string, line: number): FindingLocation => ({
  kind: 'contract',
  contract: c,
  function: fn,
  line,
});
const pkg = (name: string, version: string): FindingLocation => ({ kind: 'package', name, version });

export const INFRASTRUCTURE_FINDINGS: readonly FindingTemplate[] = [
  {
    tool: 'Prowler',
    ruleId: 'cloudtrail_multi_region_enabled',
    title: 'CloudTrail not enabled in every region',
    severity: 'medium',
    description: 'API activity in eu-central-1 is not logged.',
    cwe: [778],
    auditType: 'configuration',
    urns: [`${P}passi:configuration:cloud-posture`],
    remediation: {
      en: 'Enable a multi-region trail delivered to the log archive account.',
      fr: "Activer une trace multi-régions vers le compte d'archivage des journaux.",
    },
    at: [
      { asset: 'aws:prod-custody', location: cloud('arn:aws:cloudtrail:eu-west-3:210987654321:trail/main') },
      { asset: 'aws:staging', location: cloud('arn:aws:cloudtrail:eu-west-3:123456789012:trail/main') },
    ],
  },
  {
    tool: 'testssl.sh',
    ruleId: 'TLS1_1',
    title: 'TLS 1.1 still offered',
    severity: 'medium',
    description: 'The API gateway negotiates TLS 1.1 with legacy clients.',
    cvss: { score: 5.9, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N' },
    cwe: [326],
    auditType: 'configuration',
    urns: [`${P}dora:art-9:3:a`],
    remediation: { en: 'Offer TLS 1.2 and 1.3 only.', fr: "N'offrir que TLS 1.2 et 1.3." },
    at: [
      { asset: 'api.exemple-custody.fr', location: host('api.exemple-custody.fr', 443) },
      { asset: 'travel.exemple-custody.fr', location: host('travel.exemple-custody.fr', 443) },
    ],
  },
  {
    tool: 'Nmap',
    ruleId: 'open-port-ssh',
    title: 'SSH exposed to the internet',
    severity: 'medium',
    description: 'Port 22 of the bastion accepts connections from any address.',
    cwe: [284],
    auditType: 'architecture',
    urns: [`${P}passi:architecture:exposure`],
    remediation: {
      en: 'Restrict SSH to the VPN range or replace it with session manager access.',
      fr: 'Restreindre SSH à la plage VPN ou le remplacer par un accès via gestionnaire de sessions.',
    },
    at: [{ asset: 'bastion.exemple-custody.fr', location: host('bastion.exemple-custody.fr', 22) }],
  },
  {
    tool: 'Manual review',
    ruleId: 'ARCH-HSM-SPOF',
    title: 'Single HSM cluster for hot and warm wallets',
    severity: 'high',
    description: 'Hot and warm wallet keys share one HSM cluster in one availability zone.',
    cwe: [654],
    auditType: 'architecture',
    urns: [`${P}passi:architecture:key-management`, `${P}mica:art-75:3:policy`],
    remediation: {
      en: 'Separate warm-wallet keys onto a second HSM cluster in another zone.',
      fr: 'Séparer les clés du portefeuille tiède sur un second cluster HSM dans une autre zone.',
    },
    at: [{ asset: 'hsm-cluster-1', location: { kind: 'none' } }],
  },
  {
    tool: 'Manual review',
    ruleId: 'ORG-BADGE-REVIEW',
    title: 'Badge access not reviewed',
    severity: 'low',
    description: 'Physical access rights to the server room were last reviewed in 2024.',
    cwe: [],
    auditType: 'organisational',
    urns: [`${P}passi:organisational-physical:physical-security`],
    remediation: {
      en: 'Review badge rights quarterly and remove leavers within one day.',
      fr: "Revoir les droits d'accès chaque trimestre et retirer les départs sous un jour.",
    },
    at: [{ asset: 'paris-office', location: { kind: 'none' } }],
  },
  {
    tool: 'Manual review',
    ruleId: 'ORG-SUPPLIER-SEC',
    title: 'No security clauses in the KYC provider contract',
    severity: 'medium',
    description: 'The contract has no security requirements, audit right or incident notification clause.',
    cwe: [],
    auditType: 'organisational',
    urns: [`${P}passi:organisational-physical:third-parties`, `${P}mica:art-73:3`],
    remediation: {
      en: 'Add security schedules to the contract at the next renewal.',
      fr: 'Ajouter une annexe sécurité au contrat lors du prochain renouvellement.',
    },
    at: [{ asset: 'supplier:kyc-provider', location: { kind: 'none' } }],
  },
  {
    tool: 'Mythril',
    ruleId: 'SWC-107',
    title: 'Reentrancy in fee withdrawal',
    severity: 'medium',
    description: 'withdrawFees() makes an external call before updating the balance.',
    cvss: { score: 6.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:H/A:N' },
    cwe: [841],
    auditType: 'smart-contract',
    urns: [`${P}passi:smart-contract`],
    remediation: {
      en: 'Apply checks-effects-interactions and a reentrancy guard.',
      fr: 'Appliquer le schéma vérifications-effets-interactions et un verrou anti-réentrance.',
    },
    at: [{ asset: 'FeeCollector.sol', location: contract('FeeCollector', 'withdrawFees', 121) }],
  },
  {
    tool: 'Slither',
    ruleId: 'timestamp',
    title: 'Block timestamp used for fee period',
    severity: 'low',
    description: 'Fee periods depend on block.timestamp, which validators can shift slightly.',
    cwe: [829],
    auditType: 'smart-contract',
    urns: [`${P}passi:smart-contract:oracle-manipulation`],
    remediation: {
      en: 'Accept the tolerance explicitly or use block numbers.',
      fr: 'Accepter explicitement la tolérance ou utiliser les numéros de bloc.',
    },
    at: [{ asset: 'FeeCollector.sol', location: contract('FeeCollector', 'currentPeriod', 40) }],
  },
  {
    tool: 'npm audit',
    ruleId: 'GHSA-9wv6-86v2-598j',
    title: 'path-to-regexp ReDoS',
    severity: 'high',
    description: 'path-to-regexp 0.1.7 outputs backtracking regular expressions.',
    cvss: { score: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' },
    cwe: [1333],
    auditType: 'code-review',
    urns: [`${P}passi:configuration:patch-level`],
    remediation: { en: 'Upgrade express to 4.21 or later.', fr: 'Mettre à jour express en 4.21 ou plus.' },
    at: [
      { asset: 'git:custody-backend', location: pkg('path-to-regexp', '0.1.7') },
      { asset: 'git:portal-web', location: pkg('path-to-regexp', '0.1.7') },
    ],
  },
  {
    tool: 'Nuclei',
    ruleId: 'http-missing-security-headers',
    title: 'Missing security headers',
    severity: 'low',
    description: 'Content-Security-Policy and Permissions-Policy headers are absent.',
    cwe: [693],
    auditType: 'intrusion-test',
    urns: [`${P}passi:intrusion-test:web-application`],
    remediation: {
      en: 'Set a strict CSP and a Permissions-Policy on every response.',
      fr: 'Définir une CSP stricte et une Permissions-Policy sur chaque réponse.',
    },
    at: [
      { asset: 'https://app.exemple-custody.fr', location: url('https://app.exemple-custody.fr/') },
      { asset: 'https://www.exemple-custody.fr', location: url('https://www.exemple-custody.fr/') },
      {
        asset: 'https://backoffice.exemple-custody.fr',
        location: url('https://backoffice.exemple-custody.fr/'),
      },
      { asset: 'https://travel.exemple-custody.fr', location: url('https://travel.exemple-custody.fr/') },
    ],
  },
  {
    tool: 'OpenVAS',
    ruleId: '1.3.6.1.4.1.25623.1.0.108440',
    title: 'SSH weak key exchange algorithms',
    severity: 'low',
    description: 'diffie-hellman-group1-sha1 is still offered.',
    cwe: [327],
    auditType: 'configuration',
    urns: [`${P}passi:configuration`],
    remediation: {
      en: 'Disable legacy key exchange algorithms in sshd_config.',
      fr: "Désactiver les algorithmes d'échange de clés obsolètes dans sshd_config.",
    },
    at: [
      { asset: 'bastion.exemple-custody.fr', location: host('bastion.exemple-custody.fr', 22) },
      { asset: 'backup-01.internal', location: host('backup-01.internal', 22) },
    ],
  },
  {
    tool: 'Burp Suite',
    ruleId: 'privilege-escalation-role-param',
    title: 'Role parameter accepted from the client',
    severity: 'critical',
    description:
      'The back-office accepts a role field in the profile update request, granting operator rights.',
    cvss: { score: 9.9, vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H' },
    cwe: [269],
    auditType: 'intrusion-test',
    urns: [`${P}passi:intrusion-test:privilege-escalation`, `${P}passi:code-review:access-control`],
    remediation: {
      en: 'Ignore privilege fields from clients and derive roles server-side.',
      fr: 'Ignorer les champs de privilèges transmis par le client et déterminer les rôles côté serveur.',
    },
    at: [
      {
        asset: 'https://backoffice.exemple-custody.fr',
        location: url('https://backoffice.exemple-custody.fr/api/users/me', 'PATCH'),
      },
    ],
  },
  {
    tool: 'Semgrep',
    ruleId: 'generic.secrets.jwt-none-alg',
    title: 'JWT verification allows the none algorithm',
    severity: 'info',
    description: 'A test helper accepts unsigned tokens; not reachable in production builds.',
    cwe: [347],
    auditType: 'code-review',
    urns: [`${P}passi:code-review:access-control`],
    remediation: {
      en: 'Remove the helper from the code base.',
      fr: 'Retirer cette fonction utilitaire du code.',
    },
    at: [{ asset: 'git:custody-backend', location: file('test/helpers/jwt.ts', 9) }],
  },
];
