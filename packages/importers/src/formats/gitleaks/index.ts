import type { Format } from '../../format.ts';
import { firstChar } from '../../util/json.ts';
import { parseGitleaks } from './parse.ts';

export const gitleaks: Format = {
  name: 'gitleaks',
  label: 'Gitleaks JSON',
  versions: 'gitleaks v7 (lower-case keys) and v8 (capitalised keys) `--report-format json`',
  detect: (sample) =>
    firstChar(sample) === '[' &&
    ((/"offender"\s*:/.test(sample) && /"rule"\s*:/.test(sample)) ||
      (/"RuleID"\s*:/.test(sample) && /"(Entropy|Fingerprint)"\s*:/.test(sample))),
  parse: parseGitleaks,
};
