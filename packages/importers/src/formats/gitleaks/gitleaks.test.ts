import { describe, expect, it } from 'vitest';
import { NOW, fixture } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { gitleaks } from './index.ts';

describeContract(gitleaks, ['gitleaks-v8.json', 'gitleaks-v7.json']);

describe('gitleaks: v7 and v8', () => {
  it('reads v8 capitalised keys and never keeps the secret', () => {
    const f = parseContent(fixture('gitleaks-v8.json'), { now: NOW }).findings[0];
    expect(f).toMatchObject({
      ruleId: 'aws-access-token',
      severity: 'high',
      cwe: [798],
      categories: ['secret'],
    });
    expect(f?.location).toEqual({
      kind: 'file',
      file: 'deploy/terraform.tfvars',
      line: 12,
      column: 15,
      commit: '0123456789abcdef0123456789abcdef01234567',
    });
    expect(JSON.stringify(f)).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('reads v7 lower-case keys and the repository', () => {
    const r = parseContent(fixture('gitleaks-v7.json'), { now: NOW });
    expect(r.findings[0]).toMatchObject({ ruleId: 'Github', asset: 'https://github.com/example/wallet' });
    expect(r.assets).toEqual([
      expect.objectContaining({ kind: 'repository', key: 'https://github.com/example/wallet' }),
    ]);
  });
});

describeSamples(
  'gitleaks',
  'defectdojo/gitleaks',
  { 'data_many.json': 2, 'no_findings.json': 'empty', 'redacted_data_many.json': 6, 'version_7.5.0.json': 8 },
  (r) => {
    const redacted = r.get('redacted_data_many.json');
    expect(redacted?.findings.every((f) => f.evidence === 'REDACTED' || f.evidence === undefined)).toBe(true);
    const v75 = findingOf(r.get('version_7.5.0.json'), (f) => f.ruleId === 'AWS Access Key');
    expect(v75.evidence).toBe('AKIA************');
    expect(v75.location).toMatchObject({ line: 13 });
  },
);
