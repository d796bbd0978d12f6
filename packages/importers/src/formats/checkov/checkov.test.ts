import { describe, expect, it } from 'vitest';
import { NOW, fixture } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { checkov } from './index.ts';

describeContract(checkov, ['checkov.json']);

describe('checkov: list of check types', () => {
  it('reads failed and skipped checks of every framework', () => {
    const r = parseContent(fixture('checkov.json'), { now: NOW });
    expect(r.toolVersion).toBe('3.2.0');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['CKV_AWS_20', 'CKV_AWS_18', 'CKV_DOCKER_3']);
    const acl = findingOf(r, (f) => f.ruleId === 'CKV_AWS_20');
    expect(acl).toMatchObject({ severity: 'medium', rawSeverity: 'none', auditType: 'configuration' });
    expect(acl.location).toEqual({ kind: 'file', file: '/infra/main.tf', line: 1, endLine: 3 });
    expect(findingOf(r, (f) => f.ruleId === 'CKV_AWS_18')).toMatchObject({ status: 'accepted' });
    expect(findingOf(r, (f) => f.ruleId === 'CKV_DOCKER_3').severity).toBe('low');
  });
});

describeSamples(
  'checkov',
  'defectdojo/checkov',
  { 'checkov-report-many-vuln.json': 3, 'checkov-report-severity.json': 4, 'checkov2-report-0-vuln.json': 0 },
  (r) => {
    const gcs = findingOf(r.get('checkov-report-severity.json'), (f) => f.ruleId === 'CKV_GCP_29');
    expect(gcs.location).toMatchObject({ file: '/gcs.tf', line: 1, endLine: 15 });
    expect(r.get('checkov2-report-0-vuln.json')?.toolVersion).toBe('2.1.269');
  },
);
