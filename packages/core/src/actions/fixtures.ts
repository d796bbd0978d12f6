import { actionInputsSchema, type ActionInputs } from './actions.schema.ts';

/** Inputs of the golden action-plan scenario: a custody CASP after its first audit round. */
export function firstRoundInputs(): ActionInputs {
  return actionInputsSchema.parse({
    gaps: [
      {
        urn: 'mica-75-8',
        title: 'Segregate client crypto-assets',
        status: 'non-compliant',
        criticality: 'critical',
      },
      {
        urn: 'mica-68-6',
        title: 'Business continuity policy',
        status: 'partially-compliant',
        criticality: 'high',
      },
      {
        urn: 'dora-9-4',
        title: 'Access control policy',
        status: 'partially-compliant',
        criticality: 'medium',
        remedyKey: 'iam-programme',
      },
    ],
    findings: [
      {
        id: 'F1',
        ruleId: 'tls-weak-cipher',
        title: 'Weak TLS cipher suites',
        severity: 'medium',
        assetId: 'api-gw',
        requirementUrns: ['dora-9-4'],
      },
      {
        id: 'F2',
        ruleId: 'tls-weak-cipher',
        title: 'Weak TLS cipher suites',
        severity: 'high',
        assetId: 'wallet-api',
        requirementUrns: ['dora-9-4'],
      },
      {
        id: 'F3',
        ruleId: 'mfa-missing',
        title: 'MFA missing on admin console',
        severity: 'critical',
        assetId: 'admin-console',
        remedyKey: 'iam-programme',
        requirementUrns: ['dora-9-4'],
      },
      { id: 'F4', ruleId: 'banner', title: 'Server banner', severity: 'info', assetId: 'api-gw' },
      {
        id: 'F5',
        ruleId: 'old-tls',
        title: 'TLS 1.0 enabled',
        severity: 'high',
        status: 'closed',
        assetId: 'api-gw',
      },
    ],
    risks: [
      {
        id: 'R1',
        title: 'Theft of hot-wallet keys',
        residualScore: 10,
        maxScore: 25,
        aboveAppetite: true,
        requirementUrns: ['mica-75-8'],
        owner: 'CISO',
      },
      {
        id: 'R2',
        title: 'Single wallet engineer',
        residualScore: 16,
        maxScore: 25,
        aboveAppetite: true,
        requirementUrns: ['dora-9-4', 'mica-68-6'],
        findingIds: ['F2'],
      },
    ],
  });
}

/** Two weeks later: G2, F1 and F3 are resolved, R1 fell below appetite, a new gap and a new finding appeared. */
export function secondRoundInputs(): ActionInputs {
  const first = firstRoundInputs();
  return actionInputsSchema.parse({
    gaps: [
      ...first.gaps.filter((g) => g.urn !== 'mica-68-6'),
      { urn: 'mica-70-1', title: 'Safeguard client funds', status: 'non-compliant', criticality: 'critical' },
    ],
    findings: [
      ...first.findings.filter((f) => f.id === 'F2'),
      {
        id: 'F7',
        ruleId: 'outdated-openssl',
        title: 'Outdated OpenSSL',
        severity: 'high',
        assetId: 'api-gw',
      },
    ],
    risks: first.risks.map((r) => (r.id === 'R1' ? { ...r, aboveAppetite: false } : r)),
  });
}
