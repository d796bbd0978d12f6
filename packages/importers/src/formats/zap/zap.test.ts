import { describe, expect, it } from 'vitest';
import { NOW, fixture } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { zapJson, zapXml } from './index.ts';

describeContract(zapXml, ['zap.xml']);
describeContract(zapJson, ['zap.json']);

describe('zap: one finding per alert instance', () => {
  it('reads XML instances with method, parameter, CWE and HTML-free text', () => {
    const r = parseContent(fixture('zap.xml'), { now: NOW });
    expect(r.findings).toHaveLength(3);
    const sqli = findingOf(r, (f) => f.ruleId === '40018');
    expect(sqli).toMatchObject({
      severity: 'high',
      cwe: [89],
      asset: 'https://app.example.com',
      auditType: 'intrusion-test',
    });
    expect(sqli.location).toEqual({
      kind: 'url',
      url: 'https://app.example.com/search?q=1',
      method: 'GET',
      param: 'q',
    });
    expect(sqli.categories).toContain('injection');
    const cookie = findingOf(r, (f) => f.ruleId === '10011');
    expect(cookie.description).toBe('A cookie has been set without the secure flag.\n\nSet the secure flag.');
    expect(cookie.references).toEqual(['https://owasp.org/www-project-web-security-testing-guide/']);
  });

  it('reads the JSON report', () => {
    const f = parseContent(fixture('zap.json'), { now: NOW }).findings[0];
    expect(f).toMatchObject({ ruleId: '10038', severity: 'medium', cwe: [693], toolVersion: '2.14.0' });
  });
});

describeSamples(
  'zap-xml',
  'defectdojo/zap',
  {
    'dvwa_baseline_dojo.xml': 98,
    'empty_2.9.0.xml': 0,
    'some_2.9.0.xml': 14,
    'zap-xml-plus-format.xml': 1,
    'zap_2.16.1_with_req_resp.xml': 13,
  },
  (r) => {
    expect(r.get('dvwa_baseline_dojo.xml')?.toolVersion).toBe('D-2021-03-29');
    const put = findingOf(r.get('zap-xml-plus-format.xml'), () => true);
    expect(put).toMatchObject({ ruleId: '90028', severity: 'medium', title: 'Insecure HTTP Method - PUT' });
    expect(put.location).toMatchObject({ url: 'http://localhost:8080/bodgeit/js/qndto7n63d', method: 'PUT' });
    const cookies = r.get('some_2.9.0.xml')?.findings.filter((f) => f.ruleId === '10011');
    expect(cookies?.map((f) => (f.location.kind === 'url' ? f.location.param : ''))).toEqual([
      'opvc',
      'dmid',
      'sitevisitscookie',
    ]);
    expect(cookies?.[0]?.cwe).toEqual([614]);
  },
);
