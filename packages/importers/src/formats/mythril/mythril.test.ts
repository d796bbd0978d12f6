import { describe, expect, it } from 'vitest';
import { NOW, fixture } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { mythril } from './index.ts';

describeContract(mythril, ['mythril.json', 'mythril.jsonv2']);

describe('mythril: json and jsonv2 with placeholders', () => {
  it('maps SWC ids to rules and CWE, ignores placeholder transaction data', () => {
    const r = parseContent(fixture('mythril.json'), { now: NOW });
    const call = findingOf(r, (f) => f.ruleId === 'SWC-107');
    expect(call).toMatchObject({ severity: 'medium', cwe: [841], auditType: 'smart-contract' });
    expect(call.evidence).toBe('bytecode address 661');
    expect(call.location).toEqual({ kind: 'contract', contract: 'Unknown', function: 'thisisfine()' });
    expect(findingOf(r, (f) => f.ruleId === 'SWC-101').evidence).toContain('transaction sequence');
  });

  it('reads jsonv2 source maps', () => {
    const f = parseContent(fixture('mythril.jsonv2'), { now: NOW }).findings[0];
    expect(f).toMatchObject({ ruleId: 'SWC-107', title: 'Reentrancy', evidence: 'source map 661:1:0' });
  });
});

describeSamples(
  'mythril',
  'smart-contract/mythril',
  {
    'mythril-0.21.x_calls.sol.o.json': 9,
    'mythril-0.21.x_calls.sol.o.jsonv2': 9,
    'mythril-0.21.x_ether_send.sol.o.json': 2,
    'mythril-0.21.x_kinds_of_calls.sol.o.json': 6,
    'mythril-0.21.x_kinds_of_calls.sol.o.jsonv2': 6,
    'mythril-0.21.x_metacoin.sol.o.json': 0,
    'mythril-0.21.x_overflow.sol.o.json': 3,
    'mythril-0.21.x_overflow.sol.o.jsonv2': 3,
  },
  (r) => {
    const under = findingOf(
      r.get('mythril-0.21.x_overflow.sol.o.json'),
      (f) => f.title === 'Integer Underflow',
    );
    expect(under).toMatchObject({ ruleId: 'SWC-101', severity: 'high', cwe: [190] });
    expect(under.evidence).not.toContain('TX-DATA');
    const v2 = r.get('mythril-0.21.x_overflow.sol.o.jsonv2');
    expect(v2?.findings.every((f) => !(f.evidence ?? '').includes('DISCOVERY-TIME'))).toBe(true);
  },
);
