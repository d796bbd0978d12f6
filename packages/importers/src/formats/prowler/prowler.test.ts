import { describe, expect, it } from 'vitest';
import { NOW, fixture } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { prowlerCsv } from './csv.ts';
import { prowler } from './index.ts';

describeContract(prowler, ['prowler.ocsf.json', 'prowler-v3.json']);
describeContract(prowlerCsv, ['prowler.csv']);

describe('prowler: OCSF and v3 native', () => {
  it('keeps FAIL only and locates the cloud resource', () => {
    const r = parseContent(fixture('prowler.ocsf.json'), { now: NOW });
    expect(r.findings).toHaveLength(1);
    expect(r.toolVersion).toBe('5.4.0');
    const f = r.findings[0];
    expect(f).toMatchObject({
      ruleId: 's3_bucket_public_access',
      severity: 'critical',
      asset: 'aws:123456789012',
      auditType: 'configuration',
    });
    expect(f?.location).toEqual({
      kind: 'cloud',
      provider: 'aws',
      account: '123456789012',
      region: 'eu-west-3',
      resourceId: 'arn:aws:s3:::wallet-backups',
    });
  });

  it('reads the semicolon CSV with the same fingerprints as OCSF', () => {
    const csv = parseContent(fixture('prowler.csv'), { now: NOW });
    expect(csv.findings).toHaveLength(1);
    expect(csv.toolVersion).toBe('5.4.0');
    expect(csv.findings[0]?.fingerprint).toBe(
      parseContent(fixture('prowler.ocsf.json'), { now: NOW }).findings[0]?.fingerprint,
    );
  });

  it('reads Prowler 3 native JSON', () => {
    const f = parseContent(fixture('prowler-v3.json'), { now: NOW }).findings[0];
    expect(f).toMatchObject({ ruleId: 'iam_root_mfa_enabled', severity: 'critical' });
    expect(f?.categories).toContain('access-control');
  });
});

describeSamples(
  ['prowler', 'prowler-csv'],
  'defectdojo/prowler',
  {
    'example_output_aws.csv': 2,
    'example_output_aws.ocsf.json': 2,
    'example_output_gcp.ocsf.json': 3,
    'example_output_kubernetes.ocsf.json': 3,
  },
  (r) => {
    // Same scan in two outputs: same checks, and the same identity where the anonymised samples agree (the CSV
    // sample replaced the second resource ARN by a placeholder).
    const csv = r.get('example_output_aws.csv');
    const ocsf = r.get('example_output_aws.ocsf.json');
    expect(csv?.findings.map((f) => f.ruleId)).toEqual(ocsf?.findings.map((f) => f.ruleId));
    const analyzer = (x: typeof csv) =>
      findingOf(x, (f) => f.ruleId === 'accessanalyzer_enabled').fingerprint;
    expect(analyzer(csv)).toBe(analyzer(ocsf));
    const k8s = r.get('example_output_kubernetes.ocsf.json');
    expect(
      k8s?.findings.every((f) => f.location.kind === 'cloud' && f.location.provider === 'kubernetes'),
    ).toBe(true);
    expect(findingOf(k8s, (f) => f.ruleId === 'apiserver_audit_log_maxbackup_set').occurrences).toBe(2);
    const gcp = findingOf(
      r.get('example_output_gcp.ocsf.json'),
      (f) => f.ruleId === 'compute_firewall_rdp_access_from_the_internet_allowed',
    );
    expect(gcp.location).toMatchObject({ provider: 'gcp', region: 'global' });
  },
);

describeSamples(
  'prowler',
  'defectdojo/aws_prowler_v3plus',
  { 'many_vuln.json': 3, 'many_vuln_after_4_5_0.ocsf.json': 3 },
  (r) => {
    const acm = findingOf(r.get('many_vuln.json'), (f) => f.ruleId === 'acm_certificates_expiration_check');
    expect(acm).toMatchObject({ severity: 'high', asset: 'aws:999999999999' });
    expect(r.get('many_vuln_after_4_5_0.ocsf.json')?.toolVersion).toBe('4.2.1');
  },
);
