import type { Format } from '../../format.ts';
import { firstChar } from '../../util/json.ts';
import { parseProwler } from './parse.ts';

export const prowler: Format = {
  name: 'prowler',
  label: 'Prowler OCSF JSON',
  versions: 'Prowler v4/v5 OCSF Detection Finding array (`*.ocsf.json`), Prowler 3 native JSON',
  detect: (sample) => {
    const c = firstChar(sample);
    if (c !== '[' && c !== '{') return false;
    if (
      /"class_uid"\s*:\s*2004\b/.test(sample) ||
      (/"finding_info"\s*:/.test(sample) && /prowler/i.test(sample))
    )
      return true;
    return /"CheckID"\s*:/.test(sample) && /"(FindingUniqueId|StatusExtended)"\s*:/.test(sample);
  },
  parse: parseProwler,
};
