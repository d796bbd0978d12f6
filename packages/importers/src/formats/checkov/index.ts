import type { Format } from '../../format.ts';
import { firstChar } from '../../util/json.ts';
import { parseCheckov } from './parse.ts';

export const checkov: Format = {
  name: 'checkov',
  label: 'Checkov JSON',
  versions: 'checkov 2.x/3.x `-o json`: single report, list of reports, summary-only clean run',
  detect: (sample) => {
    const c = firstChar(sample);
    if (c !== '{' && c !== '[') return false;
    return (
      (/"check_type"\s*:/.test(sample) && /"(results|summary)"\s*:/.test(sample)) ||
      /"checkov_version"\s*:/.test(sample)
    );
  },
  parse: parseCheckov,
};
