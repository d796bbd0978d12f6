import type { Format } from '../../format.ts';
import { firstChar } from '../../util/json.ts';
import { parseNuclei } from './parse.ts';

export const nuclei: Format = {
  name: 'nuclei',
  label: 'Nuclei JSON / JSONL',
  versions: 'nuclei v2 (`templateID`, `matched`) and v3 (`template-id`, `matched-at`), JSONL or JSON array',
  detect: (sample) =>
    (firstChar(sample) === '{' || firstChar(sample) === '[') &&
    /"(template-id|templateID|template_id)"\s*:/.test(sample) &&
    /"info"\s*:/.test(sample),
  parse: parseNuclei,
};
