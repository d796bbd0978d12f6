import type { Format } from '../../format.ts';
import { firstChar } from '../../util/json.ts';
import { parseSemgrep } from './parse.ts';

/** CLI `{results, errors}`, App `{vulns, hasMore}`, or findings API `{findings: [{rule_name…}]}`. */
export function detectSemgrep(sample: string): boolean {
  if (firstChar(sample) !== '{') return false;
  if (/"results"\s*:/.test(sample) && /"errors"\s*:/.test(sample) && !/"runs"\s*:/.test(sample)) {
    return /"check_id"\s*:/.test(sample) || /"results"\s*:\s*\[\s*\]/.test(sample);
  }
  // `hasMore` closes the App API page, often past the sample: the vuln fields identify it too.
  if (/"vulns"\s*:/.test(sample) && /"(hasMore|exposureType|matchedDependency)"\s*:/.test(sample))
    return true;
  return /"findings"\s*:/.test(sample) && /"(rule_name|syntactic_id|match_based_id)"\s*:/.test(sample);
}

export const semgrep: Format = {
  name: 'semgrep',
  label: 'Semgrep JSON',
  versions: 'CLI `--json` (0.x–1.x), Semgrep App supply-chain API (`vulns`), findings API (`findings`)',
  detect: detectSemgrep,
  parse: parseSemgrep,
};
