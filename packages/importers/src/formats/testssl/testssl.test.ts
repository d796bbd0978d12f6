import { describe, expect, it } from 'vitest';
import { NOW, fixture } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { testsslCsv, testsslJson } from './index.ts';

describeContract(testsslCsv, ['testssl.csv']);
describeContract(testsslJson, ['testssl.json']);

describe('testssl: CSV and JSON', () => {
  it('keeps LOW and above, with CVE and CWE', () => {
    const r = parseContent(fixture('testssl.csv'), { now: NOW });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['TLS1', 'SWEET32', 'cert_expirationStatus']);
    const sweet = findingOf(r, (f) => f.ruleId === 'SWEET32');
    expect(sweet).toMatchObject({
      severity: 'low',
      cve: ['CVE-2016-2183', 'CVE-2016-6329'],
      cwe: [327],
      asset: 'wallet.example.com',
    });
    expect(sweet.location).toEqual({ kind: 'host', host: 'wallet.example.com', port: 443, protocol: 'tcp' });
    expect(sweet.categories).toContain('tls');
  });

  it('reads --json-pretty sections', () => {
    const r = parseContent(fixture('testssl.json'), { now: NOW });
    expect(r.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['TLS1:low', 'heartbleed:high']);
    expect(r.toolVersion).toBe('3.2.0 ');
  });

  it('names the line of a broken CSV row', () => {
    expect(() => parseContent(`${fixture('testssl.csv')}"x","y","443","LOW"\n`, { now: NOW })).toThrow(
      /line 7/,
    );
  });
});

describeSamples(
  'testssl-csv',
  'defectdojo/testssl',
  { 'defectdojo_many_vuln.csv': 4, 'demo.csv': 0, 'references.csv': 39 },
  (r) => {
    // 16 rows: 4 checks on the 4 addresses of one name, merged per name and port.
    const many = r.get('defectdojo_many_vuln.csv');
    expect(many?.findings.map((f) => `${f.ruleId}:${f.severity}:${f.occurrences}`).sort()).toEqual([
      'BREACH:high:4',
      'HSTS:low:4',
      'LUCKY13:low:4',
      'cipherlist_AVERAGE:low:4',
    ]);
    const refs = r.get('references.csv');
    expect(refs?.findings.filter((f) => f.severity === 'high')).toHaveLength(11);
    expect(refs?.findings.every((f) => f.asset === 'asdf.com')).toBe(true);
  },
);
