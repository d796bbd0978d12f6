import { describe, expect, it } from 'vitest';
import { NOW, fixture } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { npmAudit } from './index.ts';

describeContract(npmAudit, ['npm-audit-v6.json', 'npm-audit-v7.json']);

describe('npm audit: v6 advisories and v7 vulnerabilities', () => {
  it('gives one finding per advisory and installed version (v6)', () => {
    const r = parseContent(fixture('npm-audit-v6.json'), { now: NOW });
    expect(r.findings.map((f) => (f.location.kind === 'package' ? f.location.version : ''))).toEqual([
      '0.0.8',
      '1.2.0',
    ]);
    expect(r.findings[0]).toMatchObject({
      severity: 'low',
      cwe: [471],
      cve: ['CVE-2020-7598'],
      ruleId: 'npm-advisory:1179',
    });
  });

  it('keeps advisory objects of `via` and skips package references (v7)', () => {
    const r = parseContent(fixture('npm-audit-v7.json'), { now: NOW });
    expect(r.findings).toHaveLength(2);
    const axios = findingOf(r, (f) => f.ruleId === 'npm-advisory:GHSA-wf5p-g6vw-rhxx');
    expect(axios).toMatchObject({ severity: 'medium', cwe: [352], cvss: { version: '3.1', score: 6.5 } });
  });
});

describeSamples(
  'npm-audit',
  'defectdojo/npm_audit',
  { 'many_vuln.json': 5, 'many_vuln_with_groups.json': 5, 'no_vuln.json': 0 },
  (r) => {
    const neg = findingOf(
      r.get('many_vuln.json'),
      (f) => f.location.kind === 'package' && f.location.name === 'negotiator',
    );
    expect(neg).toMatchObject({ severity: 'high', cwe: [400], cve: ['CVE-2016-10539'] });
  },
);

describeSamples('npm-audit', 'defectdojo/npm_audit_7_plus', { 'no_vuln.json': 0 });
