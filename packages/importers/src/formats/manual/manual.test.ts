import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOW } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { MANUAL_COLUMNS } from './columns.ts';
import { manualCsv } from './index.ts';

const TEMPLATE = new URL('../../../templates/manual-findings.csv', import.meta.url);
const template = readFileSync(TEMPLATE, 'utf8');

describeContract(manualCsv, ['../../templates/manual-findings.csv']);

describe('manual findings CSV', () => {
  it('has exactly the documented columns', () => {
    expect(template.split('\n', 1)[0]?.split(',')).toEqual([...MANUAL_COLUMNS]);
  });

  it('imports the two example rows', () => {
    const r = parseContent(template, { now: NOW });
    expect(r.findings).toHaveLength(2);
    const race = r.findings[0];
    expect(race).toMatchObject({
      ruleId: 'PT-001',
      severity: 'high',
      auditType: 'intrusion-test',
      cwe: [362],
      asset: 'https://app.example-casp.eu',
    });
    expect(race?.location).toEqual({
      kind: 'url',
      url: 'https://app.example-casp.eu/api/v1/withdrawals',
      method: 'POST',
      param: 'amount',
    });
    expect(race?.cvss).toEqual({
      version: '3.1',
      vector: 'CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:N/I:H/A:N',
      score: 5.3,
    });
    expect(race?.categories).toEqual(expect.arrayContaining(['access-control', 'funds-at-risk']));
    expect(r.findings[1]).toMatchObject({
      severity: 'critical',
      auditType: 'organisational',
      location: { kind: 'none' },
    });
  });

  it('names the line and column of an invalid value', () => {
    const bad = template.replace(',high,intrusion-test,', ',severe,intrusion-test,');
    expect(() => parseContent(bad, { now: NOW })).toThrow(/line 2: severity "severe"/);
    const missing = `${template.split('\n', 1)[0] ?? ''}\nX-1,,low,configuration,host,none,,,,desc,,,,,,,,,,,\n`;
    expect(() => parseContent(missing, { now: NOW })).toThrow(/line 2: column title is required/);
  });
});
