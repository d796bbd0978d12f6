import { describe, expect, it } from 'vitest';
import { NOW, fixture } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { nuclei } from './index.ts';

describeContract(nuclei, ['nuclei.jsonl']);

describe('nuclei: v2 and v3 keys, JSONL and array, empty file', () => {
  const r = parseContent(fixture('nuclei.jsonl'), { now: NOW });

  it('reads v3 kebab-case keys with classification', () => {
    const f = findingOf(r, (x) => x.ruleId === 'git-config');
    expect(f).toMatchObject({
      severity: 'medium',
      cwe: [200],
      asset: 'https://app.example.com',
      cvss: { version: '3.1', score: 5.3 },
    });
    expect(f.location).toEqual({ kind: 'url', url: 'https://app.example.com/.git/config' });
  });

  it('reads v2 keys and host:port matches', () => {
    const f = findingOf(r, (x) => x.ruleId === 'openssh5.3-detect');
    expect(f.location).toEqual({ kind: 'host', host: 'app.example.com', port: 22 });
    expect(f.references).toEqual(['https://security-tracker.debian.org/tracker/CVE-2016-6210']);
  });

  it('accepts a JSON array and an empty file when the format is named', () => {
    const lines = fixture('nuclei.jsonl')
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(parseContent(`[${lines.join(',')}]`, { now: NOW }).findings).toHaveLength(2);
    expect(parseContent('', { format: 'nuclei', now: NOW }).findings).toHaveLength(0);
  });

  it('names the line of a broken JSONL record', () => {
    expect(() =>
      parseContent(`${fixture('nuclei.jsonl')}{"template-id": "x", "info": {`, { now: NOW }),
    ).toThrow(/line 4/);
  });
});

describeSamples(
  'nuclei',
  'defectdojo/nuclei',
  { 'empty.jsonl': 'empty', 'issue_14071.json': 27, 'many_findings.json': 18, 'multiple_matches.json': 2 },
  (r) => {
    const login = findingOf(r.get('issue_14071.json'), (f) => f.ruleId === 'dvwa-default-login');
    expect(login).toMatchObject({ severity: 'critical', cwe: [798], asset: 'http://dvwa_dvwa_1' });
    expect(login.categories).toContain('access-control');
    const headers = r
      .get('issue_14071.json')
      ?.findings.filter((f) => f.ruleId.startsWith('http-missing-security-headers:'));
    expect(headers).toHaveLength(11);
    expect(findingOf(r.get('many_findings.json'), (f) => f.ruleId === 'openssh5.3-detect').location).toEqual({
      kind: 'host',
      host: 'nuclei-example.com',
      port: 22,
    });
  },
);
