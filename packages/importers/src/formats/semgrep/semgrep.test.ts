import { describe, expect, it } from 'vitest';
import { NOW, fixture } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { semgrep } from './index.ts';

describeContract(semgrep, ['semgrep.json']);

describe('semgrep: CLI results', () => {
  it('reads severity, CWE as string or list, lines as evidence', () => {
    const r = parseContent(fixture('semgrep.json'), { now: NOW });
    expect(r.toolVersion).toBe('1.60.0');
    const sqli = findingOf(r, (f) => f.ruleId.endsWith('node-postgres-sqli'));
    expect(sqli).toMatchObject({ severity: 'high', cwe: [89], auditType: 'code-review' });
    expect(sqli.location).toEqual({
      kind: 'file',
      file: 'src/db/query.js',
      line: 40,
      column: 5,
      endLine: 41,
    });
    expect(sqli.categories).toContain('injection');
    const key = findingOf(r, (f) => f.ruleId.endsWith('detected-private-key'));
    expect(key).toMatchObject({ severity: 'medium', cwe: [798] });
    expect(key.categories).toContain('secret');
  });
});

describeSamples(
  'semgrep',
  'defectdojo/semgrep',
  {
    'cwe_list.json': 1,
    'empty.json': 0,
    'sca-deployments-vulns.json': 22,
    'semgrep_version_1_30_0_line_26.json': 5,
  },
  (r) => {
    const sca = findingOf(
      r.get('sca-deployments-vulns.json'),
      (f) => f.ruleId === 'ssc-82207871-bbda-49be-b1af-49fd927a2f93',
    );
    expect(sca).toMatchObject({ severity: 'high', cve: ['CVE-2023-1428'], cwe: [617], asset: 'example/rfv' });
    expect(sca.location).toEqual({ kind: 'file', file: 'requirements3.txt', line: 222 });
    expect(sca.categories).toEqual(['vulnerable-dependency']);
    const cli = findingOf(r.get('semgrep_version_1_30_0_line_26.json'), (f) =>
      f.ruleId.endsWith('formatted-template-string'),
    );
    expect(cli.cwe).toEqual([79]);
    expect(r.get('semgrep_version_1_30_0_line_26.json')?.toolVersion).toBe('1.30.0');
  },
);

describeSamples('semgrep', 'defectdojo/semgrep_pro', { 'one_vuln.json': 1 }, (r) => {
  const f = findingOf(r.get('one_vuln.json'), () => true);
  expect(f).toMatchObject({
    ruleId: 'typescript.react.security.audit.react-no-refs.react-no-refs',
    severity: 'medium',
  });
  expect(f.location).toEqual({
    kind: 'file',
    file: 'frontend/src/corpComponents/Code.tsx',
    line: 120,
    column: 8,
  });
  expect(f.asset).toBe('https://github.com/semgrep/semgrep');
});
