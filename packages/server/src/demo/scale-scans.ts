// Synthetic scan outputs for the scaled demo: SARIF 2.1.0 logs as five real tools write them (Semgrep, CodeQL,
// Trivy, Checkov, Gitleaks all export SARIF), so the findings go through the same importer, mapping rules,
// reconciliation and audit entries as a real upload.

/** A deterministic pseudo-random source (mulberry32): the same seed always yields the same engagement. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rule {
  readonly id: string;
  readonly title: string;
  readonly cwe: number;
  /** CVSS-like score the tool reports as `security-severity`: decides critical/high/medium/low. */
  readonly severity: number;
}

interface Tool {
  readonly name: string;
  readonly version: string;
  readonly repository: string;
  /** Share of the findings this tool contributes. */
  readonly share: number;
  readonly rules: readonly Rule[];
  readonly file: (i: number) => string;
}

const TOOLS: readonly Tool[] = [
  {
    name: 'Semgrep OSS',
    version: '1.92.0',
    repository: 'https://git.garde-numerique.example/platform/client-portal',
    share: 0.32,
    file: (i) => `src/routes/module-${i % 60}/handler-${i % 240}.ts`,
    rules: [
      {
        id: 'javascript.express.security.audit.xss.direct-response-write',
        title: 'Unescaped user input written to the response',
        cwe: 79,
        severity: 6.1,
      },
      {
        id: 'javascript.lang.security.audit.sqli.node-postgres-sqli',
        title: 'SQL statement built from request data',
        cwe: 89,
        severity: 8.8,
      },
      {
        id: 'javascript.jsonwebtoken.security.jwt-none-alg',
        title: 'JWT verified without pinning the algorithm',
        cwe: 347,
        severity: 7.4,
      },
      {
        id: 'javascript.lang.security.audit.path-traversal',
        title: 'File path built from request data',
        cwe: 22,
        severity: 7.5,
      },
      {
        id: 'javascript.express.security.cors-misconfiguration',
        title: 'CORS allows any origin with credentials',
        cwe: 942,
        severity: 5.4,
      },
      {
        id: 'javascript.lang.security.insecure-random',
        title: 'Math.random used for a security token',
        cwe: 338,
        severity: 3.7,
      },
    ],
  },
  {
    name: 'CodeQL',
    version: '2.19.3',
    repository: 'https://git.garde-numerique.example/custody/signing-service',
    share: 0.24,
    file: (i) => `internal/signer/part-${i % 40}/file-${i % 180}.go`,
    rules: [
      {
        id: 'go/sql-injection',
        title: 'Database query built from user-controlled sources',
        cwe: 89,
        severity: 8.8,
      },
      { id: 'go/path-injection', title: 'Uncontrolled data used in path expression', cwe: 22, severity: 7.5 },
      { id: 'go/insecure-tls', title: 'Insecure TLS configuration', cwe: 327, severity: 7.5 },
      {
        id: 'go/clear-text-logging',
        title: 'Clear-text logging of sensitive information',
        cwe: 312,
        severity: 7.5,
      },
      { id: 'go/weak-crypto-key', title: 'Use of a weak cryptographic key', cwe: 326, severity: 7.5 },
      {
        id: 'go/incomplete-hostname-regexp',
        title: 'Incomplete regular expression for hostnames',
        cwe: 20,
        severity: 4.3,
      },
    ],
  },
  {
    name: 'Trivy',
    version: '0.57.1',
    repository: 'https://git.garde-numerique.example/platform/images',
    share: 0.26,
    file: (i) => `images/service-${i % 30}/Dockerfile.layer-${i % 90}`,
    rules: [
      {
        id: 'CVE-2024-5535',
        title: 'openssl: SSL_select_next_proto buffer overread',
        cwe: 200,
        severity: 9.1,
      },
      {
        id: 'CVE-2024-45337',
        title: 'golang.org/x/crypto: misuse of ServerConfig.PublicKeyCallback',
        cwe: 285,
        severity: 9.1,
      },
      { id: 'CVE-2023-44487', title: 'HTTP/2 rapid reset can cause excessive work', cwe: 400, severity: 7.5 },
      {
        id: 'CVE-2024-21538',
        title: 'cross-spawn: regular expression denial of service',
        cwe: 1333,
        severity: 7.5,
      },
      {
        id: 'CVE-2024-4067',
        title: 'micromatch: regular expression denial of service',
        cwe: 1333,
        severity: 5.3,
      },
      {
        id: 'CVE-2024-2511',
        title: 'openssl: unbounded memory growth with session handling',
        cwe: 400,
        severity: 3.7,
      },
    ],
  },
  {
    name: 'Checkov',
    version: '3.2.300',
    repository: 'https://git.garde-numerique.example/infra/terraform',
    share: 0.14,
    file: (i) => `terraform/env-${i % 4}/module-${i % 50}.tf`,
    rules: [
      { id: 'CKV_AWS_20', title: 'S3 bucket allows public read access', cwe: 284, severity: 7.5 },
      { id: 'CKV_AWS_19', title: 'S3 bucket data is not encrypted at rest', cwe: 311, severity: 5.9 },
      {
        id: 'CKV_AWS_24',
        title: 'Security group allows ingress from 0.0.0.0/0 to port 22',
        cwe: 284,
        severity: 6.5,
      },
      { id: 'CKV_AWS_18', title: 'S3 bucket access logging is disabled', cwe: 778, severity: 3.1 },
      { id: 'CKV_AWS_7', title: 'KMS key rotation is disabled', cwe: 320, severity: 4.3 },
    ],
  },
  {
    name: 'Gitleaks',
    version: '8.21.2',
    repository: 'https://git.garde-numerique.example/platform/back-office',
    share: 0.04,
    file: (i) => `config/legacy/settings-${i % 25}.env`,
    rules: [
      { id: 'generic-api-key', title: 'Generic API key detected', cwe: 798, severity: 8.1 },
      { id: 'aws-access-token', title: 'AWS access key detected', cwe: 798, severity: 9.0 },
      { id: 'private-key', title: 'Private key committed to the repository', cwe: 321, severity: 9.0 },
    ],
  },
];

export interface ScanFile {
  readonly fileName: string;
  readonly tool: string;
  readonly results: number;
  readonly content: string;
}

/**
 * One SARIF log per tool, `total` results in all. Every result sits at its own file and line (a distinct
 * fingerprint); about 4% are suppressed (accepted or false positive) and 3% are reported `absent` (fixed), so the
 * register holds more than open findings.
 */
export function syntheticScans(total: number, random: () => number): ScanFile[] {
  let remaining = total;
  return TOOLS.map((tool, t) => {
    const count = t === TOOLS.length - 1 ? remaining : Math.round(total * tool.share);
    remaining -= count;
    const results = Array.from({ length: count }, (_, i) => {
      const rule = tool.rules[Math.floor(random() * tool.rules.length)] ?? tool.rules[0];
      const roll = random();
      const suppressed = roll < 0.04;
      return {
        ruleId: rule?.id,
        level: (rule?.severity ?? 0) >= 7 ? 'error' : 'warning',
        message: { text: `${rule?.title ?? ''} (occurrence ${i + 1} in ${tool.file(i)})` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: tool.file(i) },
              region: { startLine: 10 + Math.floor(i / 240) * 13 + (i % 7), startColumn: 1 + (i % 40) },
            },
          },
        ],
        ...(suppressed
          ? {
              suppressions: [
                {
                  kind: 'external',
                  justification:
                    roll < 0.015
                      ? 'false positive: test fixture only'
                      : 'risk accepted by the CISO until 2027-03',
                },
              ],
            }
          : roll < 0.07
            ? { baselineState: 'absent' }
            : {}),
      };
    });
    const log = {
      version: '2.1.0',
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      runs: [
        {
          tool: {
            driver: {
              name: tool.name,
              version: tool.version,
              rules: tool.rules.map((r) => ({
                id: r.id,
                shortDescription: { text: r.title },
                properties: {
                  tags: ['security', `external/cwe/cwe-${r.cwe}`],
                  'security-severity': String(r.severity),
                },
              })),
            },
          },
          versionControlProvenance: [{ repositoryUri: tool.repository }],
          results,
        },
      ],
    };
    const slug = tool.name.toLowerCase().replace(/[^a-z]+/g, '-');
    return { fileName: `${slug}.sarif`, tool: tool.name, results: count, content: JSON.stringify(log) };
  });
}
