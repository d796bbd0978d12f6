import { describe, expect, it } from 'vitest';
import { NOW, fixture } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { slither } from './index.ts';

describeContract(slither, ['slither.json', 'slither-list.json']);

describe('slither: envelope and test-harness lists', () => {
  it('locates contract, function, file and line', () => {
    const r = parseContent(fixture('slither.json'), { now: NOW });
    const f = findingOf(r, (x) => x.ruleId === 'reentrancy-eth');
    expect(f.location).toEqual({
      kind: 'contract',
      contract: 'Vault',
      function: 'withdraw',
      file: 'contracts/Vault.sol',
      line: 20,
    });
    expect(f).toMatchObject({ severity: 'high', auditType: 'smart-contract', asset: 'vault' });
    expect(f.categories).toEqual(['smart-contract', 'funds-at-risk']);
    expect(findingOf(r, (x) => x.ruleId === 'solc-version').severity).toBe('info');
  });

  it('reads the list-of-lists form and refuses a failed run', () => {
    expect(parseContent(fixture('slither-list.json'), { now: NOW }).findings[0]?.location).toMatchObject({
      contract: 'Token',
      function: 'bad',
    });
    expect(() =>
      parseContent('{"success": false, "error": "solc not found", "results": {"detectors": []}}', {
        now: NOW,
      }),
    ).toThrow(/solc not found/);
  });
});

describeSamples(
  'slither',
  'smart-contract/slither',
  {
    'slither-0.6.13_arbitrary_send-0.5.1.arbitrary-send.json': 2,
    'slither-0.6.13_backdoor.suicidal.json': 1,
    'slither-0.6.13_incorrect_erc20_interface.erc20-interface.json': 6,
    'slither-0.6.13_reentrancy-0.5.1.reentrancy-eth.json': 2,
    'slither-0.6.13_reentrancy-0.5.1.reentrancy-eth.txt': 'unsupported',
    'slither-0.6.13_tx_origin-0.5.1.tx-origin.json': 2,
    'slither-0.6.13_unchecked_lowlevel-0.5.1.unchecked-lowlevel.json': 1,
    'slither-0.6.13_uninitialized-0.5.1.uninitialized-state.json': 4,
    'slither-0.9.x_detector-results-array_arbitrary_send_erc20_permit.sol.0.8.0.json': 4,
    'slither-0.9.x_detector-results-array_reentrancy_with_non_reentrant.sol.0.8.10.ReentrancyEth.json': 4,
  },
  (r) => {
    const backdoor = findingOf(r.get('slither-0.6.13_backdoor.suicidal.json'), () => true);
    expect(backdoor.location).toEqual({
      kind: 'contract',
      contract: 'C',
      function: 'i_am_a_backdoor',
      file: 'tests/backdoor.sol',
      line: 4,
    });
    expect(backdoor).toMatchObject({ ruleId: 'suicidal', severity: 'high' });
    expect(backdoor.description).not.toContain('\t');
  },
);
