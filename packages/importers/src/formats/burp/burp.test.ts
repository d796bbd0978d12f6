import { describe, expect, it } from 'vitest';
import { NOW, fixture } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { burp } from './index.ts';

describeContract(burp, ['burp.xml']);

describe('burp: internal DTD, CDATA and base64', () => {
  const r = parseContent(fixture('burp.xml'), { now: NOW });

  it('imports despite the DTD and an ENTITY text inside CDATA', () => {
    expect(r.findings).toHaveLength(2);
    expect(r.toolVersion).toBe('2023.10.1');
  });

  it('decodes the base64 request and reads location, parameter and CWE', () => {
    const f = findingOf(r, (x) => x.ruleId === '1049088');
    expect(f.evidence).toBe('GET /admin?id=1 HTTP/1.1\r\nHost: app.example.com');
    expect(f.location).toEqual({
      kind: 'url',
      url: 'https://app.example.com/admin',
      method: 'GET',
      param: 'id',
    });
    expect(f).toMatchObject({ severity: 'high', cwe: [89], asset: 'https://app.example.com' });
    expect(f.references).toEqual(['https://portswigger.net/web-security/sql-injection']);
    expect(findingOf(r, (x) => x.ruleId === '5245344').severity).toBe('info');
  });
});

describeSamples(
  'burp',
  'defectdojo/burp',
  { 'one_finding.xml': 3, 'one_finding_with_cwe.xml': 1, 'seven_findings.xml': 16 },
  (r) => {
    expect(r.get('seven_findings.xml')?.toolVersion).toBe('1.6.05');
    const withCwe = findingOf(r.get('one_finding_with_cwe.xml'), () => true);
    expect(withCwe.cwe.length).toBeGreaterThan(0);
    const seven = r.get('seven_findings.xml');
    expect(seven?.findings.every((f) => f.asset === 'http://bwa')).toBe(true);
    expect(
      seven?.findings.some(
        (f) => (f.evidence ?? '').startsWith('GET ') || (f.evidence ?? '').startsWith('POST '),
      ),
    ).toBe(true);
  },
);
