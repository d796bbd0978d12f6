import { describe, expect, it } from 'vitest';
import { NOW, fixture } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { trivy } from './index.ts';

describeContract(trivy, ['trivy.json', 'trivy-legacy.json', 'trivy-k8s.json']);

describe('trivy: vulnerabilities, misconfigurations, secrets', () => {
  const r = parseContent(fixture('trivy.json'), { now: NOW });

  it('keeps CVSS per source, V40 included, and picks the newest as primary', () => {
    const f = findingOf(r, (x) => x.ruleId === 'CVE-2024-2961');
    expect(f.cvssAll).toEqual([
      { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 8.1, source: 'nvd' },
      {
        version: '4.0',
        vector: 'CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
        score: 8.8,
        source: 'redhat',
      },
    ]);
    expect(f.cvss?.version).toBe('4.0');
    expect(f).toMatchObject({
      severity: 'high',
      cwe: [787],
      cve: ['CVE-2024-2961'],
      status: 'open',
      asset: 'registry.example.com/wallet-api:1.4.2',
    });
    expect(f.location).toEqual({
      kind: 'package',
      name: 'libc6',
      version: '2.36-9+deb12u4',
      target: 'registry.example.com/wallet-api:1.4.2 (debian 12.5)',
    });
  });

  it('maps vendor not_affected to false-positive, skips passed checks, redacts secrets', () => {
    expect(findingOf(r, (x) => x.ruleId === 'CVE-2019-18276')).toMatchObject({
      status: 'false-positive',
      cvss: { version: '2.0', score: 7.2 },
    });
    expect(r.findings.some((x) => x.ruleId === 'AVD-DS-0001')).toBe(false);
    expect(findingOf(r, (x) => x.ruleId === 'AVD-DS-0002').location).toEqual({
      kind: 'file',
      file: 'Dockerfile',
      line: 1,
    });
    const secret = findingOf(r, (x) => x.ruleId === 'aws-access-key-id');
    expect(secret).toMatchObject({ severity: 'critical', categories: ['secret'] });
    expect(secret.evidence).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('reads the Kubernetes summary per resource', () => {
    const k = parseContent(fixture('trivy-k8s.json'), { now: NOW });
    expect(k.findings.map((f) => f.ruleId).sort()).toEqual(['AVD-KSV-0001', 'CVE-2024-0727']);
    expect(k.findings.every((f) => f.asset === 'k8s:prod-eu-1')).toBe(true);
    expect(findingOf(k, (f) => f.ruleId === 'AVD-KSV-0001').location).toMatchObject({
      file: 'payments/Deployment/signer: Deployment/signer',
    });
  });
});

describeSamples(
  'trivy',
  'defectdojo/trivy',
  {
    'all_statuses.json': 8,
    'legacy_many_vulns.json': 93,
    'legacy_no_vuln.json': 'empty',
    'license_scheme.json': 0,
    'misconfigurations_and_secrets.json': 5,
    'scheme_2_many_vulns.json': 5,
    'scheme_2_no_vuln.json': 0,
  },
  (r) => {
    const legacy = findingOf(r.get('legacy_many_vulns.json'), (f) => f.ruleId === 'CVE-2011-3374');
    expect(legacy).toMatchObject({
      severity: 'low',
      cwe: [347],
      cvss: { version: '3.1', score: 3.7, source: 'nvd' },
    });
    const statuses = r.get('all_statuses.json');
    expect(statuses?.findings.filter((f) => f.status === 'false-positive').map((f) => f.ruleId)).toEqual([
      'CVE-2019-18276',
    ]);
    const ms = r.get('misconfigurations_and_secrets.json');
    expect(ms?.findings.filter((f) => f.categories.includes('secret'))).toHaveLength(2);
    expect(findingOf(ms, (f) => f.ruleId === 'DS002').severity).toBe('high'); // no AVDID: the ID stands
  },
);
