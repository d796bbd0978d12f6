/** Synthetic technical findings of the demo engagement: what code, configuration, intrusion and contract scans report. */
import type { AuditType, FindingLocation, FindingSeverity } from '../snapshot.schema.ts';
import { INFRASTRUCTURE_FINDINGS } from './demo-findings-infra.ts';

export interface FindingTemplate {
  readonly tool: string;
  readonly ruleId: string;
  readonly title: string;
  readonly description: string;
  readonly severity: FindingSeverity;
  readonly cvss?: { readonly score: number; readonly vector: string };
  readonly cwe: readonly number[];
  readonly auditType: AuditType;
  readonly urns: readonly string[];
  readonly remediation: { readonly en: string; readonly fr: string };
  /** One finding per location. */
  readonly at: readonly { readonly asset: string; readonly location: FindingLocation }[];
}

const P = 'urn:mica-audit:';
const file = (f: string, line: number): FindingLocation => ({ kind: 'file', file: f, line });
const url = (u: string, method = 'GET'): FindingLocation => ({ kind: 'url', url: u, method });
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

export const APPLICATION_FINDINGS: readonly FindingTemplate[] = [
  {
    tool: 'Slither',
    ruleId: 'unprotected-upgrade',
    title: 'Unprotected upgradeable proxy',
    severity: 'critical',
    description: 'upgradeTo() of FeeCollector can be called by a single EOA without timelock or multisig.',
    cvss: { score: 9.1, vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H' },
    cwe: [284],
    auditType: 'smart-contract',
    urns: [`${P}passi:smart-contract:access-control`, `${P}passi:smart-contract:key-management`],
    remediation: {
      en: 'Move upgrade rights to a 3-of-5 multisig behind a 48-hour timelock.',
      fr: 'Confier la mise à jour à un multisig 3 sur 5 derrière un délai de 48 heures.',
    },
    at: [{ asset: 'FeeCollector.sol', location: contract('FeeCollector', 'upgradeTo', 88) }],
  },
  {
    tool: 'Prowler',
    ruleId: 'iam_root_mfa_enabled',
    title: 'Root account without MFA',
    severity: 'critical',
    description: 'The root user of the production account has no multi-factor authentication device.',
    cvss: { score: 9.0, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H' },
    cwe: [308],
    auditType: 'configuration',
    urns: [`${P}dora:art-9:4:d`, `${P}passi:configuration:authentication`],
    remediation: {
      en: 'Enable a hardware MFA device on the root user and lock its credentials in the safe.',
      fr: 'Activer un facteur matériel sur le compte racine et placer ses identifiants au coffre.',
    },
    at: [{ asset: 'aws:prod-custody', location: cloud('arn:aws:iam::210987654321:root') }],
  },
  {
    tool: 'Gitleaks',
    ruleId: 'generic-api-key',
    title: 'API key committed to the repository',
    severity: 'high',
    description: 'A live API key of the KYC provider is present in the history of the backend repository.',
    cvss: { score: 8.2, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N' },
    cwe: [798],
    auditType: 'code-review',
    urns: [`${P}passi:code-review:secrets-in-code`],
    remediation: {
      en: 'Revoke the key, purge it from history and scan commits in CI.',
      fr: "Révoquer la clé, la purger de l'historique et analyser les commits en CI.",
    },
    at: [
      { asset: 'git:custody-backend', location: file('config/kyc.ts', 12) },
      { asset: 'git:ops-scripts', location: file('deploy/env.sh', 4) },
    ],
  },
  {
    tool: 'OWASP ZAP',
    ruleId: '40012',
    title: 'Insecure direct object reference on statements API',
    severity: 'high',
    description: 'GET /api/v1/statements/{id} returns another client’s statement when the id is incremented.',
    cvss: { score: 7.7, vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:N/A:N' },
    cwe: [639],
    auditType: 'intrusion-test',
    urns: [`${P}passi:intrusion-test:web-application`, `${P}passi:code-review:access-control`],
    remediation: {
      en: 'Check ownership of the statement against the session on every request.',
      fr: 'Vérifier à chaque requête que le relevé appartient au client de la session.',
    },
    at: [
      {
        asset: 'https://app.exemple-custody.fr',
        location: url('https://app.exemple-custody.fr/api/v1/statements/{id}'),
      },
    ],
  },
  {
    tool: 'Burp Suite',
    ruleId: 'rate-limit-missing',
    title: 'No rate limiting on login',
    severity: 'medium',
    description: 'Unlimited password attempts are accepted on the client login endpoint.',
    cvss: { score: 5.3, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N' },
    cwe: [307],
    auditType: 'intrusion-test',
    urns: [`${P}passi:intrusion-test:web-application`],
    remediation: {
      en: 'Throttle attempts per account and per IP and add a CAPTCHA after five failures.',
      fr: 'Limiter les tentatives par compte et par IP et ajouter un CAPTCHA après cinq échecs.',
    },
    at: [
      {
        asset: 'https://app.exemple-custody.fr',
        location: url('https://app.exemple-custody.fr/auth/login', 'POST'),
      },
    ],
  },
  {
    tool: 'Semgrep',
    ruleId: 'javascript.express.security.injection.tainted-sql-string',
    title: 'SQL built from request input',
    severity: 'high',
    description: 'A report query concatenates the sort parameter into SQL.',
    cvss: { score: 8.1, vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N' },
    cwe: [89],
    auditType: 'code-review',
    urns: [`${P}passi:code-review:injection`],
    remediation: {
      en: 'Use parameterised queries and an allow-list of sort columns.',
      fr: 'Utiliser des requêtes paramétrées et une liste blanche de colonnes de tri.',
    },
    at: [
      { asset: 'git:custody-backend', location: file('src/reports/positions.ts', 57) },
      { asset: 'git:custody-backend', location: file('src/reports/fees.ts', 33) },
    ],
  },
  {
    tool: 'Semgrep',
    ruleId: 'typescript.lang.correctness.float-money',
    title: 'Monetary amounts handled as floating point',
    severity: 'medium',
    description: 'Fee computations use JavaScript numbers; rounding drift reaches 1e-8 BTC per transfer.',
    cwe: [681],
    auditType: 'code-review',
    urns: [`${P}passi:code-review:business-logic`],
    remediation: {
      en: 'Represent amounts as integers in the smallest unit or use a decimal library.',
      fr: 'Représenter les montants en entiers dans la plus petite unité ou utiliser une bibliothèque décimale.',
    },
    at: [{ asset: 'git:custody-backend', location: file('src/fees/compute.ts', 21) }],
  },
  {
    tool: 'Trivy',
    ruleId: 'CVE-2024-45590',
    title: 'body-parser denial of service',
    severity: 'high',
    description: 'body-parser 1.20.2 is vulnerable to asymmetric resource consumption with url encoding.',
    cvss: { score: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' },
    cwe: [405],
    auditType: 'configuration',
    urns: [`${P}passi:configuration:patch-level`],
    remediation: {
      en: 'Upgrade body-parser to 1.20.3 or later and rebuild the images.',
      fr: 'Mettre à jour body-parser en 1.20.3 ou plus et reconstruire les images.',
    },
    at: [
      { asset: 'image:custody-api', location: pkg('body-parser', '1.20.2') },
      { asset: 'image:portal-web', location: pkg('body-parser', '1.20.2') },
      { asset: 'image:travel-rule-gw', location: pkg('body-parser', '1.20.2') },
      { asset: 'image:signer', location: pkg('body-parser', '1.20.2') },
    ],
  },
  {
    tool: 'Trivy',
    ruleId: 'CVE-2023-44487',
    title: 'HTTP/2 rapid reset',
    severity: 'medium',
    description: 'The embedded nghttp2 library allows HTTP/2 rapid reset denial of service.',
    cvss: { score: 5.3, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L' },
    cwe: [400],
    auditType: 'configuration',
    urns: [`${P}passi:configuration:patch-level`],
    remediation: {
      en: 'Update the base image to the latest patched release.',
      fr: "Mettre à jour l'image de base vers la dernière version corrigée.",
    },
    at: [
      { asset: 'image:custody-api', location: pkg('libnghttp2-14', '1.52.0') },
      { asset: 'image:portal-web', location: pkg('libnghttp2-14', '1.52.0') },
      { asset: 'image:travel-rule-gw', location: pkg('libnghttp2-14', '1.52.0') },
      { asset: 'image:signer', location: pkg('libnghttp2-14', '1.52.0') },
    ],
  },
  {
    tool: 'Checkov',
    ruleId: 'CKV_AWS_20',
    title: 'S3 bucket readable by any authenticated user',
    severity: 'high',
    description: 'The statements export bucket grants READ to AuthenticatedUsers.',
    cvss: { score: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' },
    cwe: [732],
    auditType: 'configuration',
    urns: [`${P}passi:configuration:cloud-posture`],
    remediation: {
      en: 'Remove the ACL grant and enforce bucket owner control with block public access.',
      fr: "Retirer la permission ACL et activer le blocage de l'accès public.",
    },
    at: [
      { asset: 'aws:prod-custody', location: cloud('arn:aws:s3:::exemple-statements-export') },
      { asset: 'aws:prod-custody', location: cloud('arn:aws:s3:::exemple-kyc-archive') },
    ],
  },
];

export const FINDING_TEMPLATES: readonly FindingTemplate[] = [
  ...APPLICATION_FINDINGS,
  ...INFRASTRUCTURE_FINDINGS,
];
