import type { Format } from '../../format.ts';
import { firstChar } from '../../util/json.ts';
import { parseMythril } from './parse.ts';

export const mythril: Format = {
  name: 'mythril',
  label: 'Mythril JSON',
  versions: 'mythril 0.21+ `-o json` and `-o jsonv2`',
  detect: (sample) => {
    const c = firstChar(sample);
    if (c === '{')
      return (
        /"issues"\s*:/.test(sample) &&
        /"success"\s*:/.test(sample) &&
        /"error"\s*:/.test(sample) &&
        !/"detectors"/.test(sample)
      );
    return (
      c === '[' && /"issues"\s*:/.test(sample) && /"(sourceList|sourceType|sourceFormat)"\s*:/.test(sample)
    );
  },
  parse: parseMythril,
};
