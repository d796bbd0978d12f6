import { describe, expect, it } from 'vitest';
import { NOW, fixture } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { openvasCsv } from './csv.ts';
import { openvas } from './index.ts';

describeContract(openvas, ['openvas.xml']);
describeContract(openvasCsv, ['openvas.csv']);

describe('openvas: GMP results', () => {
  it('maps NVT, CVSS, CVE and host, and drops log-level results', () => {
    const r = parseContent(fixture('openvas.xml'), { now: NOW });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0];
    expect(f).toMatchObject({
      ruleId: '1.3.6.1.4.1.25623.1.0.100001',
      severity: 'high',
      cve: ['CVE-2023-38408'],
      asset: '192.0.2.20',
    });
    expect(f?.cvss).toMatchObject({ version: '3.1', score: 7.5 });
    expect(f?.location).toEqual({ kind: 'host', host: '192.0.2.20', port: 22, protocol: 'tcp' });
    expect(f?.evidence).toBe('Installed version: 8.2p1\nFixed version: 9.3p2');
  });
});

describe('openvas: CSV export', () => {
  it('gives the same finding, with the same fingerprint, as the XML export', () => {
    const csv = parseContent(fixture('openvas.csv'), { now: NOW });
    const xml = parseContent(fixture('openvas.xml'), { now: NOW });
    expect(csv.findings).toHaveLength(1);
    expect(csv.findings[0]).toMatchObject({ severity: 'high', cve: ['CVE-2023-38408'], asset: '192.0.2.20' });
    expect(csv.findings[0]?.evidence).toBe('Installed version: 8.2p1\nFixed version: 9.3p2');
    expect(csv.findings[0]?.fingerprint).toBe(xml.findings[0]?.fingerprint);
  });
});

describeSamples(
  ['openvas', 'openvas-csv'],
  'defectdojo/openvas',
  {
    'many_vuln.csv': 4,
    'no_vuln.xml': 0,
    'report_detail_v2.csv': 1,
    'report_detail_v2.xml': 1,
  },
  (r) => {
    const f = findingOf(r.get('report_detail_v2.xml'), () => true);
    expect(f).toMatchObject({
      title: 'Microsoft Windows Multiple Vulnerabilities (KB5062557)',
      severity: 'critical',
      asset: '10.99.99.99',
    });
    expect(f.cvss).toMatchObject({
      version: '3.1',
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      score: 9.8,
    });
    expect(f.location).toMatchObject({ port: 42, protocol: 'tcp' });
    // The CSV export of the same scan gives the same issue the same identity.
    expect(r.get('report_detail_v2.csv')?.findings[0]?.fingerprint).toBe(f.fingerprint);
    expect(
      r
        .get('many_vuln.csv')
        ?.findings.map((x) => x.severity)
        .sort(),
    ).toEqual(['critical', 'low', 'medium', 'medium']);
  },
);
