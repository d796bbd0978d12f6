import type { Format } from '../../format.ts';
import { firstChar } from '../../util/json.ts';
import { parseSlither } from './parse.ts';

export const slither: Format = {
  name: 'slither',
  label: 'Slither JSON',
  versions: 'slither 0.6–0.10 `--json` envelope; test-harness list of lists (0.9.x)',
  detect: (sample) => {
    const c = firstChar(sample);
    if (c === '{') return /"detectors"\s*:/.test(sample) && /"success"\s*:/.test(sample);
    return (
      c === '[' &&
      /^\s*\[\s*\[/.test(sample) &&
      /"check"\s*:/.test(sample) &&
      /"impact"\s*:/.test(sample) &&
      /"elements"\s*:/.test(sample)
    );
  },
  parse: parseSlither,
};
